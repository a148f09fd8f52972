// The send flow behind «РРО: отправить в API» and «РРО: повторить неотправленные»: gate, the
// user's choice about files with errors, confirmation naming host and count, progress with
// cancel, a log without personal data, diagnostics on rejected files, the report opened.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import {
  displayRoot,
  escapeControl,
  DEFAULT_RETRY,
  planSend,
  runSend,
  type SendPlan,
  type SendReport,
  type SendRunResult,
} from '../../../server/src/core';
import { apiSettings, confirmWorkspaceHost, makeApiClient, uiLang } from './apiSettings';
import { checkOptionsFor } from './engineOptions';
import type { ClientServices } from './index';
import { rangeOfPointer } from './pointerRange';
import { formatCount } from '../format';
import { reasonLabel, stateLabel } from '../reports/reportFiles';

/** Only the extension's own tests (ExtensionMode.Test) may skip the modal questions. */
export interface SendFlowOptions {
  assumeYes?: boolean;
  allowErrors?: boolean;
  /** Tests: the answer to «resend files whose outcome is unknown?» (default: keep them). */
  resendUnknown?: boolean;
}

/** At most this many names in a modal's detail; the rest are counted. */
const NAMES_SHOWN = 15;

function nameList(names: readonly string[]): string {
  const shown = names.slice(0, NAMES_SHOWN).map((n) => `• ${escapeControl(n)}`);
  if (names.length > NAMES_SHOWN) shown.push(l10n.t('… and {0} more', names.length - NAMES_SHOWN));
  return shown.join('\n');
}

export interface SendTarget {
  paths: string[];
  /** Workspace folder: settings, relative names and the report folder are its. */
  folder: vscode.Uri | undefined;
  previous?: SendReport;
  resumedFrom?: string;
}

export async function sendFlow(
  services: ClientServices,
  diagnostics: vscode.DiagnosticCollection,
  target: SendTarget,
  options: SendFlowOptions,
): Promise<SendRunResult | undefined> {
  const { context, output } = services;
  if (!vscode.workspace.isTrusted) {
    void vscode.window.showErrorMessage(l10n.t('RRO: sending is disabled in an untrusted workspace.'));
    return undefined;
  }
  const unattended = options.assumeYes === true && context.extensionMode === vscode.ExtensionMode.Test;
  const settings = apiSettings(target.folder);
  const client = await makeApiClient(context, settings, target.folder);
  if (!client) return undefined;
  try {
    const host = client.endpoint.host;
    if (!unattended && !(await confirmWorkspaceHost(context, settings, host))) return undefined;
    const cwd = target.folder?.fsPath ?? path.dirname(target.paths[0] ?? target.previous?.files[0]?.path ?? '.');
    // The same gate as the editor and packing: the folder's rule severities, attachments, classifier.
    const resource = target.folder ?? vscode.Uri.file(cwd);
    const check = await checkOptionsFor(services, resource);
    if (!check) return undefined;
    const { files: include, exclude } = services.settings.for(resource);
    const plan = (allowErrors: boolean): Promise<SendPlan> =>
      planSend(target.paths, { cwd, check, allowErrors, previous: target.previous, include, exclude });
    let current = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: l10n.t('RRO: checking files…') },
      () => plan(!!options.allowErrors),
    );
    const withErrors = current.withErrors.length;
    if (withErrors > 0 && !unattended) {
      const others = l10n.t('Send the others');
      const anyway = l10n.t('Send anyway');
      const show = l10n.t('Show problems');
      const pick = await vscode.window.showWarningMessage(
        l10n.t(
          '{0} file(s) have errors. Send only the files without errors, send everything anyway, or look at the problems?',
          withErrors,
        ),
        { modal: true, detail: nameList(current.withErrors) },
        others,
        anyway,
        show,
      );
      if (pick === show) void vscode.commands.executeCommand('rro.checkFolder', target.folder);
      if (pick !== others && pick !== anyway) return undefined;
      if (pick === anyway) current = await plan(true);
    }
    if (current.toSend === 0) {
      void vscode.window.showInformationMessage(
        l10n.t('RRO: nothing to send ({0} file(s) checked).', current.items.length),
      );
      return undefined;
    }
    if (!unattended) {
      const send = l10n.t('Send');
      const answer = await vscode.window.showWarningMessage(
        l10n.t('Send {0} appeal(s) with personal data to {1}?', current.toSend, host),
        { modal: true, detail: displayRoot(client.endpoint) },
        send,
      );
      if (answer !== send) return undefined;
    }
    // Files a previous run left unknown that carry an attachment: the request log decides first;
    // without one, resending could upload the attachment twice — the user decides, seeing the names.
    const unknown = current.items.filter((i) => i.send && i.entry.unknownSince && i.entry.hasAttachment);
    let resendUnknown = unattended ? !!options.resendUnknown : false;
    if (unknown.length > 0 && !unattended) {
      const resend = l10n.t('Resend them');
      const keep = l10n.t('Keep them unknown');
      const answer = await vscode.window.showWarningMessage(
        l10n.t(
          '{0} file(s) with an attachment may already have been imported (their answer was lost). If the platform publishes no request log to check, resend them? A resend may be refused as «already uploaded».',
          formatCount(unknown.length),
        ),
        { modal: true, detail: nameList(unknown.map((i) => i.entry.file)) },
        resend,
        keep,
      );
      if (answer === undefined) return undefined;
      resendUnknown = answer === resend;
    }
    output.info(
      l10n.t('Sending {0} of {1} files to {2}.', formatCount(current.toSend), formatCount(current.items.length), host),
    );
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: l10n.t('RRO: sending to {0}', host),
        cancellable: true,
      },
      (progress, token) => {
        // Cancel: start nothing new and wait for the answers in flight (their outcome matters).
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return runSend(current, {
          transport: client,
          requestLog: client,
          resendUnknown,
          url: displayRoot(client.endpoint),
          reportDir: path.resolve(cwd, settings.reportDir),
          lang: uiLang(),
          concurrency: settings.concurrency,
          retry: { ...DEFAULT_RETRY, retries: settings.retries },
          signal: controller.signal,
          resumedFrom: target.resumedFrom,
          onProgress: ({ done, total, entry }) => {
            // the file's name and its outcome in words; never its content
            const why = reasonLabel(entry.reason, entry.httpStatus);
            output.info(`${escapeControl(entry.file)}: ${stateLabel(entry.status)}${why ? ` (${why})` : ''}`);
            progress.report({ increment: 100 / total, message: `${formatCount(done)}/${formatCount(total)}` });
          },
        });
      },
    );
    await showRejections(diagnostics, result.report);
    const t = result.report.totals;
    output.info(l10n.t('Sending report: {0}', result.jsonPath));
    await vscode.commands.executeCommand('rro.showReport', vscode.Uri.file(result.jsonPath));
    void vscode.window.showInformationMessage(
      l10n.t(
        'RRO: accepted {0}, rejected {1}, failed {2}, unknown {3}, skipped {4}, not sent {5}.',
        formatCount(t.accepted),
        formatCount(t.rejected),
        formatCount(t.failed),
        formatCount(t.unknown),
        formatCount(t.skipped),
        formatCount(t['not-sent']),
      ),
    );
    if (result.report.stopped === 'server-unavailable')
      void vscode.window.showWarningMessage(
        l10n.t('RRO: the server is unavailable: the run stopped, the rest were not sent.'),
      );
    if (t.unknown > 0)
      void vscode.window.showWarningMessage(
        l10n.t(
          'RRO: {0} file(s) may have been imported although no answer came; «RRO: State of Sent Appeals» asks the platform.',
          t.unknown,
        ),
      );
    return result;
  } finally {
    client.close();
  }
}

/** A diagnostic per rejected file, on the question the server named; cleared for the others. */
async function showRejections(diagnostics: vscode.DiagnosticCollection, report: SendReport): Promise<void> {
  for (const entry of report.files) {
    const uri = vscode.Uri.file(entry.path);
    if (entry.status !== 'rejected') {
      if (entry.status === 'accepted') diagnostics.delete(uri);
      continue;
    }
    const range = await rangeOfPointer(entry.path, entry.pointer);
    const d = new vscode.Diagnostic(
      range,
      escapeControl(entry.message || `HTTP ${entry.httpStatus ?? ''}`),
      vscode.DiagnosticSeverity.Error,
    );
    d.source = 'РРО API';
    d.code = 'rro/api-rejected';
    diagnostics.set(uri, [d]);
  }
}
