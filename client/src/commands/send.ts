// «РРО: отправить в API» (files, a folder or the explorer selection), «РРО: повторить
// неотправленные» (resume from the latest report), «РРО: состояние отправленных» (status.ts)
// and «РРО: задать заголовки API». Reports: `<rro.api.reportDir>/send-<time>.json` (SendReport).
import { readdir } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { loadReport, type SendRunResult } from '../../../server/src/core';
import { apiSettings, setApiHeaders } from './apiSettings';
import type { ClientServices } from './index';
import { sendFlow, type SendFlowOptions } from './sendFlow';
import { registerStatus } from './status';
import { ENSURE_TARGET_COMMAND } from '../targets';

export const SEND_COMMAND = 'rro.send';
export const SEND_RETRY_COMMAND = 'rro.sendRetry';
export const SET_HEADERS_COMMAND = 'rro.setApiHeaders';

export function registerSend(services: ClientServices): vscode.Disposable[] {
  const diagnostics = vscode.languages.createDiagnosticCollection('rro-api');
  const send = vscode.commands.registerCommand(
    SEND_COMMAND,
    async (
      uri?: vscode.Uri,
      selection?: vscode.Uri[],
      options: SendFlowOptions = {},
    ): Promise<SendRunResult | undefined> => {
      // the server first (asked inline when none is set), then the files
      if (!(await vscode.commands.executeCommand<boolean>(ENSURE_TARGET_COMMAND))) return undefined;
      const targets = selection?.length ? selection : uri instanceof vscode.Uri ? [uri] : await pickTargets();
      if (!targets?.length) return undefined;
      const folder = vscode.workspace.getWorkspaceFolder(targets[0])?.uri;
      return sendFlow(services, diagnostics, { paths: targets.map((t) => t.fsPath), folder }, options);
    },
  );
  const retry = vscode.commands.registerCommand(
    SEND_RETRY_COMMAND,
    async (report?: vscode.Uri, options: SendFlowOptions = {}): Promise<SendRunResult | undefined> => {
      const folder = report
        ? vscode.workspace.getWorkspaceFolder(report)?.uri
        : vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!(await vscode.commands.executeCommand<boolean>(ENSURE_TARGET_COMMAND))) return undefined;
      const file = report?.fsPath ?? (await latestReport(folder));
      if (!file) {
        void vscode.window.showInformationMessage(
          l10n.t('RRO: no sending report found in {0}.', apiSettings(folder).reportDir),
        );
        return undefined;
      }
      let previous;
      try {
        previous = loadReport(file);
      } catch (e) {
        void vscode.window.showErrorMessage(
          l10n.t('RRO: cannot read the report: {0}', e instanceof Error ? e.message : String(e)),
        );
        return undefined;
      }
      return sendFlow(services, diagnostics, { paths: [], folder, previous, resumedFrom: file }, options);
    },
  );
  const headers = vscode.commands.registerCommand(SET_HEADERS_COMMAND, () => setApiHeaders(services.context));
  return [diagnostics, send, retry, headers, ...registerStatus(services, latestReport)];
}

async function pickTargets(): Promise<vscode.Uri[] | undefined> {
  return vscode.window.showOpenDialog({
    canSelectFiles: true,
    canSelectFolders: true,
    canSelectMany: true,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
    openLabel: l10n.t('Send'),
    filters: { JSON: ['json'] },
  });
}

/** Report names start with their ISO start time, so the last name is the latest run. */
export async function latestReport(folder: vscode.Uri | undefined): Promise<string | undefined> {
  if (!folder) return undefined;
  const dir = path.resolve(folder.fsPath, apiSettings(folder).reportDir);
  const names = await readdir(dir).catch(() => [] as string[]);
  const latest = names
    .filter((n) => n.startsWith('send-') && n.endsWith('.json'))
    .sort()
    .pop();
  return latest ? path.join(dir, latest) : undefined;
}
