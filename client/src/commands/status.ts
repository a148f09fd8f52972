// «РРО: состояние отправленных» (`rro.status`): the platform's request log read for the
// appeals of a send report (the latest one by default): what was received, dispatched,
// uploaded, or failed later — a later failure becomes a diagnostic on the file (on the question
// it names). Returns the result, so a report view can show it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { escapeControl, loadReport, platformStatus, type StatusResult } from '../../../server/src/core';
import { apiSettings, makeApiClient } from './apiSettings';
import type { ClientServices } from './index';
import { rangeOfPointer } from './pointerRange';

export const STATUS_COMMAND = 'rro.status';

export function registerStatus(
  services: ClientServices,
  latestReport: (folder?: vscode.Uri) => Promise<string | undefined>,
): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('rro-platform');
  const command = vscode.commands.registerCommand(
    STATUS_COMMAND,
    async (report?: vscode.Uri): Promise<StatusResult | undefined> => {
      const folder = report
        ? vscode.workspace.getWorkspaceFolder(report)?.uri
        : vscode.workspace.workspaceFolders?.[0]?.uri;
      const file = report?.fsPath ?? (await latestReport(folder));
      if (!file) {
        void vscode.window.showInformationMessage(
          l10n.t('RRO: no sending report found in {0}.', apiSettings(folder).reportDir),
        );
        return undefined;
      }
      let sent;
      try {
        sent = loadReport(file);
      } catch (e) {
        void vscode.window.showErrorMessage(
          l10n.t('RRO: cannot read the report: {0}', e instanceof Error ? e.message : String(e)),
        );
        return undefined;
      }
      const client = await makeApiClient(services.context, apiSettings(folder), folder);
      if (!client) return undefined;
      try {
        const result = await vscode.window.withProgress(
          { location: vscode.ProgressLocation.Notification, title: l10n.t('RRO: reading the request log…') },
          () => platformStatus(client, [sent]),
        );
        if (result.log !== 'present') {
          void vscode.window.showWarningMessage(
            result.log === 'absent'
              ? l10n.t('RRO: this platform publishes no request log (HTTP 404).')
              : l10n.t('RRO: the request log could not be read ({0}).', result.detail ?? ''),
          );
          return result;
        }
        await showLaterFailures(diagnostics, result);
        const count = (s: string): number => result.rows.filter((r) => r.platform === s).length;
        services.output.info(
          l10n.t('Request log: {0} appeal(s) of {1}.', result.rows.length, escapeControl(path.basename(file))),
        );
        void vscode.window.showInformationMessage(
          l10n.t(
            'RRO: uploaded {0}, dispatched {1}, received {2}, failed later {3}, unknown to the platform {4}.',
            count('uploaded'),
            count('dispatched'),
            count('received'),
            count('failed-later'),
            count('not-found'),
          ),
        );
        // The report view keeps the result beside the send reports and shows it.
        void vscode.commands.executeCommand('rro.showReport', result);
        return result;
      } finally {
        client.close();
      }
    },
  );
  return [diagnostics, command];
}

async function showLaterFailures(diagnostics: vscode.DiagnosticCollection, result: StatusResult): Promise<void> {
  diagnostics.clear();
  for (const row of result.rows) {
    if (row.platform !== 'failed-later') continue;
    const range = await rangeOfPointer(row.path, row.pointer);
    const d = new vscode.Diagnostic(range, escapeControl(row.exceptionMessage ?? ''), vscode.DiagnosticSeverity.Error);
    d.source = 'РРО API';
    d.code = 'rro/api-failed-later';
    diagnostics.set(vscode.Uri.file(row.path), [d]);
  }
}
