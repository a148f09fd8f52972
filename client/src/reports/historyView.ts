// The «РРО» view in the Explorer: the send history (each run with its counts; a click opens its
// report), the files of the latest run that were not sent or whose outcome is unknown, and the
// last status check. Read from the report folders (`rro.api.reportDir`) and refreshed when
// a report is written there.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { formatCount, formatTime } from '../format';
import { SHOW_REPORT_COMMAND } from './reportView';
import { listReports, reportDirOf, stateLabel, type ReportFileEntry, type ReportSummary } from './reportFiles';

export const HISTORY_VIEW = 'rro.history';
/** States of files that were not sent, or whose outcome nobody knows. */
const OPEN_STATES = new Set(['not-sent', 'pending', 'failed', 'unknown', 'interrupted']);

type Node =
  | { kind: 'group'; id: 'runs' | 'open' | 'status'; reports: ReportSummary[] }
  | { kind: 'run'; report: ReportSummary }
  | { kind: 'file'; entry: ReportFileEntry; base: string };

export function countsText(report: ReportSummary): string {
  return [...report.counts.entries()].map(([state, n]) => `${stateLabel(state)} ${formatCount(n)}`).join(' · ');
}

class HistoryProvider implements vscode.TreeDataProvider<Node> {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeTreeData = this.changed.event;

  refresh(): void {
    this.changed.fire();
  }

  async getChildren(node?: Node): Promise<Node[]> {
    if (!node) {
      const reports: ReportSummary[] = [];
      for (const folder of vscode.workspace.workspaceFolders ?? [])
        reports.push(...(await listReports(reportDirOf(folder.uri))));
      const sends = reports.filter((r) => r.kind === 'send');
      const status = reports.filter((r) => r.kind === 'status');
      return [
        { kind: 'group', id: 'runs', reports: sends },
        { kind: 'group', id: 'open', reports: sends.slice(0, 1) },
        { kind: 'group', id: 'status', reports: status.slice(0, 1) },
      ];
    }
    if (node.kind === 'group' && node.id === 'runs') return node.reports.map((report) => ({ kind: 'run', report }));
    const files = (report: ReportSummary | undefined, which: (e: ReportFileEntry) => boolean): Node[] =>
      report
        ? report.files.filter(which).map((entry) => ({ kind: 'file', entry, base: path.dirname(report.jsonPath) }))
        : [];
    if (node.kind === 'group' && node.id === 'open') return files(node.reports[0], (e) => OPEN_STATES.has(e.status));
    if (node.kind === 'group') return files(node.reports[0], () => true);
    if (node.kind === 'run') return files(node.report, (e) => e.status !== 'accepted');
    return [];
  }

  getTreeItem(node: Node): vscode.TreeItem {
    if (node.kind === 'group') {
      const label =
        node.id === 'runs'
          ? l10n.t('Send history')
          : node.id === 'open'
            ? l10n.t('Not sent or outcome unknown')
            : l10n.t('Last status check');
      const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.Expanded);
      const report = node.reports[0];
      const open = node.id === 'open' && report ? report.files.filter((e) => OPEN_STATES.has(e.status)).length : 0;
      if (node.id === 'runs') item.description = l10n.t('{0} runs', formatCount(node.reports.length));
      else if (!report) item.description = l10n.t('none yet');
      else if (node.id === 'open') item.description = open > 0 ? formatCount(open) : l10n.t('none');
      else if (node.id === 'status') {
        item.description = `${formatTime(report.startedAt ?? '')} · ${countsText(report)}`;
        item.command = { command: SHOW_REPORT_COMMAND, title: label, arguments: [vscode.Uri.file(report.jsonPath)] };
      }
      if ((node.id !== 'runs' && !report) || (node.id === 'open' && open === 0))
        item.collapsibleState = vscode.TreeItemCollapsibleState.None;
      return item;
    }
    if (node.kind === 'run') {
      const r = node.report;
      const item = new vscode.TreeItem(
        r.startedAt ? formatTime(r.startedAt) : path.basename(r.jsonPath),
        r.files.some((e) => e.status !== 'accepted')
          ? vscode.TreeItemCollapsibleState.Collapsed
          : vscode.TreeItemCollapsibleState.None,
      );
      item.description = countsText(r);
      item.tooltip = r.url ? l10n.t('server {0}', r.url) : undefined;
      item.iconPath = new vscode.ThemeIcon(
        r.files.some((e) => e.status !== 'accepted' && e.status !== 'skipped') ? 'warning' : 'pass',
      );
      item.command = { command: SHOW_REPORT_COMMAND, title: '', arguments: [vscode.Uri.file(r.jsonPath)] };
      return item;
    }
    const uri = vscode.Uri.file(path.resolve(node.base, node.entry.path));
    const item = new vscode.TreeItem(uri, vscode.TreeItemCollapsibleState.None);
    item.description = stateLabel(node.entry.status);
    item.command = { command: 'vscode.open', title: '', arguments: [uri] };
    return item;
  }
}

export function registerHistoryView(): vscode.Disposable {
  const provider = new HistoryProvider();
  const disposables: vscode.Disposable[] = [vscode.window.registerTreeDataProvider(HISTORY_VIEW, provider)];
  let watchers: vscode.Disposable[] = [];
  const watch = (): void => {
    for (const w of watchers) w.dispose();
    watchers = (vscode.workspace.workspaceFolders ?? []).map((folder) => {
      const w = vscode.workspace.createFileSystemWatcher(
        new vscode.RelativePattern(vscode.Uri.file(reportDirOf(folder.uri)), '*.json'),
      );
      w.onDidCreate(() => provider.refresh());
      w.onDidChange(() => provider.refresh());
      w.onDidDelete(() => provider.refresh());
      return w;
    });
  };
  watch();
  disposables.push(
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('rro.api.reportDir')) return;
      watch();
      provider.refresh();
    }),
    vscode.workspace.onDidChangeWorkspaceFolders(() => {
      watch();
      provider.refresh();
    }),
    vscode.commands.registerCommand('rro.refreshHistory', () => provider.refresh()),
    { dispose: () => watchers.forEach((w) => w.dispose()) },
  );
  return vscode.Disposable.from(...disposables);
}
