// What the client shows besides commands, in its own bundle (dist/clientUi.js) loaded on the
// tick after activation: the encoding guard (Windows-1251 files), the status bar target, the
// report view and the «РРО» view. Their commands have stubs until then (UI_COMMANDS).
import type * as vscode from 'vscode';
import { EncodingGuard } from './encoding';
import { Targets } from './targets';
import { registerReportView } from './reports/reportView';
import { registerHistoryView } from './reports/historyView';

export function startUi(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): void {
  const targets = new Targets(context, output);
  targets.showStatus();
  context.subscriptions.push(new EncodingGuard(output), targets, registerReportView(), registerHistoryView());
}
