// «РРО: отчёт об отправке» — a send, resume or status report for people, in a webview: counts by
// state in words, local times, each file clickable with the server's message, and «Повторить»
// for what was not accepted. Opened after every send; also from the «РРО» view and the palette.
// Text from the server and file names pass through escapeControl, then HTML escaping.
import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { escapeControl } from '../../../server/src/core';
import { formatCount, formatTime } from '../format';
import {
  isStatusResult,
  listReports,
  needsRetry,
  readReport,
  reasonLabel,
  reportDirOf,
  stateLabel,
  statusReportJson,
  type ReportSummary,
  type StatusRowLike,
} from './reportFiles';

export const SHOW_REPORT_COMMAND = 'rro.showReport';

/** What the command returns (for tests): the panel's title and HTML. */
export interface ShownReport {
  title: string;
  html: string;
  retry: number;
}

function html(text: string): string {
  return escapeControl(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function renderReport(report: ReportSummary, nonce: string, cspSource: string): string {
  const title = report.kind === 'status' ? l10n.t('RRO: status check') : l10n.t('RRO: sending report');
  const counts = [...report.counts.entries()]
    .map(([state, n]) => `<li class="state-${html(state)}"><b>${formatCount(n)}</b> — ${html(stateLabel(state))}</li>`)
    .join('');
  const when = [
    report.startedAt ? l10n.t('Started {0}', formatTime(report.startedAt)) : '',
    report.finishedAt ? l10n.t('finished {0}', formatTime(report.finishedAt)) : '',
  ]
    .filter(Boolean)
    .join(', ');
  const rows = report.files
    .map((f, i) => {
      // the server's own words for a rejection; otherwise the reason in words (the engine's
      // messages are written for the CLI and may name its flags)
      const label = reasonLabel(f.reason, f.httpStatus);
      const said = f.status === 'rejected' || !label ? [label, f.message].filter(Boolean).join(': ') : label;
      const why = f.at ? [formatTime(f.at), said].filter(Boolean).join(' — ') : said;
      return `<tr class="state-${html(f.status)}"><td><a href="#" data-open="${i}">${html(f.file)}</a></td><td>${html(stateLabel(f.status))}</td><td>${html(why)}</td></tr>`;
    })
    .join('');
  const retry = report.files.filter(needsRetry).length;
  const retryButton =
    report.kind === 'send' && retry > 0
      ? `<p><button id="retry">${html(l10n.t('Retry ({0})', formatCount(retry)))}</button> ${html(l10n.t('sends again what was not accepted'))}</p>`
      : '';
  return `<!DOCTYPE html>
<html lang="${html(vscode.env.language)}"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<title>${html(title)}</title>
<style nonce="${nonce}">
body { font-family: var(--vscode-font-family); color: var(--vscode-foreground); padding: 0 1em; }
table { border-collapse: collapse; width: 100%; } td, th { text-align: left; padding: 3px 8px; border-bottom: 1px solid var(--vscode-panel-border); vertical-align: top; }
a { color: var(--vscode-textLink-foreground); } .state-rejected td:nth-child(2), .state-failed td:nth-child(2) { color: var(--vscode-errorForeground); }
ul.counts { list-style: none; padding: 0; display: flex; gap: 1.5em; flex-wrap: wrap; }
button { background: var(--vscode-button-background); color: var(--vscode-button-foreground); border: none; padding: 4px 12px; cursor: pointer; }
</style></head><body>
<h2>${html(title)}</h2>
<p>${html(when)}${report.url ? ` · ${html(l10n.t('server {0}', report.url))}` : ''}</p>
<ul class="counts">${counts}</ul>
${retryButton}
<table><thead><tr><th>${html(l10n.t('File'))}</th><th>${html(l10n.t('Result'))}</th><th>${html(l10n.t('What the server said'))}</th></tr></thead>
<tbody>${rows}</tbody></table>
<script nonce="${nonce}">
const vscode = acquireVsCodeApi();
document.addEventListener('click', (e) => {
  const a = e.target.closest('[data-open]');
  if (a) { e.preventDefault(); vscode.postMessage({ open: Number(a.dataset.open) }); }
  if (e.target.id === 'retry') vscode.postMessage({ retry: true });
});
</script></body></html>`;
}

/** Writes a status check into the first folder's report folder; its path, or undefined. */
async function saveStatus(rows: readonly StatusRowLike[]): Promise<string | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) return undefined;
  const now = new Date();
  const dir = reportDirOf(folder.uri);
  const file = path.join(dir, `status-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(file, statusReportJson(rows, now));
    return file;
  } catch {
    return undefined;
  }
}

async function latest(): Promise<string | undefined> {
  for (const folder of vscode.workspace.workspaceFolders ?? []) {
    const [newest] = await listReports(reportDirOf(folder.uri));
    if (newest) return newest.jsonPath;
  }
  return undefined;
}

export function registerReportView(): vscode.Disposable {
  let panel: vscode.WebviewPanel | undefined;
  let shown: ReportSummary | undefined;
  return vscode.commands.registerCommand(SHOW_REPORT_COMMAND, async (given?: unknown) => {
    // a status check's result (rro.status) is kept in the report folder first, then shown
    if (isStatusResult(given)) given = await saveStatus(given.rows);
    const file = given instanceof vscode.Uri ? given.fsPath : typeof given === 'string' ? given : await latest();
    const report = file ? await readReport(file) : undefined;
    if (!report) {
      void vscode.window.showInformationMessage(l10n.t('RRO: there is no report to show yet.'));
      return undefined;
    }
    shown = report;
    if (!panel) {
      panel = vscode.window.createWebviewPanel('rro.report', '', vscode.ViewColumn.Active, { enableScripts: true });
      panel.onDidDispose(() => (panel = undefined));
      panel.webview.onDidReceiveMessage((m: { open?: number; retry?: boolean }) => {
        if (!shown) return;
        const entry = typeof m.open === 'number' ? shown.files[m.open] : undefined;
        if (entry)
          void vscode.window.showTextDocument(vscode.Uri.file(path.resolve(path.dirname(shown.jsonPath), entry.path)));
        if (m.retry) void vscode.commands.executeCommand('rro.sendRetry', vscode.Uri.file(shown.jsonPath));
      });
    }
    const title = report.kind === 'status' ? l10n.t('RRO: status check') : l10n.t('RRO: sending report');
    panel.title = report.startedAt ? `${title} — ${formatTime(report.startedAt)}` : title;
    panel.webview.html = renderReport(report, randomBytes(16).toString('base64'), panel.webview.cspSource);
    panel.reveal();
    const result: ShownReport = {
      title: panel.title,
      html: panel.webview.html,
      retry: report.files.filter(needsRetry).length,
    };
    return result;
  });
}
