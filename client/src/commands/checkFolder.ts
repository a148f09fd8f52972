// «РРО: проверить папку»: the server checks every matching file and fills Problems. The counts
// announced are read back from Problems itself (`languages.getDiagnostics`), so open documents —
// whose diagnostics the editor owns — are counted exactly as the panel shows them.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { CHECK_FOLDER, type CheckFolderParams, type CheckFolderResult } from '../../../server/src/lsp/protocol';
import { formatCount } from '../format';
import type { ClientServices } from './index';

export const CHECK_FOLDER_COMMAND = 'rro.checkFolder';
/** The language server's diagnostics carry this source (l10n lsp.source, the same in every language). */
const SERVER_SOURCE = 'РРО';

export interface ProblemCounts {
  errors: number;
  warnings: number;
  /** Files with at least one РРО problem. */
  files: number;
}

function isRroCode(code: vscode.Diagnostic['code']): boolean {
  const value = typeof code === 'object' && code !== null ? code.value : code;
  return typeof value === 'string' && value.startsWith('rro/');
}

/** The language server's problems under `roots` (every workspace folder when none), as Problems lists them. */
export function problemCounts(roots: readonly vscode.Uri[]): ProblemCounts {
  const bases = roots.map((r) => path.resolve(r.fsPath));
  const counts: ProblemCounts = { errors: 0, warnings: 0, files: 0 };
  for (const [uri, diagnostics] of vscode.languages.getDiagnostics()) {
    if (uri.scheme !== 'file') continue;
    const file = path.resolve(uri.fsPath);
    if (!bases.some((b) => file === b || file.startsWith(b + path.sep))) continue;
    const own = diagnostics.filter((d) => d.source === SERVER_SOURCE && isRroCode(d.code));
    if (own.length > 0) counts.files++;
    for (const d of own) {
      if (d.severity === vscode.DiagnosticSeverity.Error) counts.errors++;
      else if (d.severity === vscode.DiagnosticSeverity.Warning) counts.warnings++;
    }
  }
  return counts;
}

export function registerCheckFolder(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(
    CHECK_FOLDER_COMMAND,
    async (folder?: vscode.Uri): Promise<(CheckFolderResult & { problems: ProblemCounts }) | undefined> => {
      const params: CheckFolderParams = folder ? { uri: folder.toString() } : {};
      const result = await vscode.window.withProgress(
        {
          location: vscode.ProgressLocation.Notification,
          title: l10n.t('RRO: checking files…'),
          cancellable: true,
        },
        (_progress, token) => services.client.sendRequest<CheckFolderResult>(CHECK_FOLDER, params, token),
      );
      const roots = folder ? [folder] : (vscode.workspace.workspaceFolders ?? []).map((f) => f.uri);
      const problems = problemCounts(roots);
      services.output.info(
        l10n.t(
          'Folder check: {0} documents of {1} files; {2} errors and {3} warnings in {4} files.',
          formatCount(result.documents),
          formatCount(result.files),
          formatCount(problems.errors),
          formatCount(problems.warnings),
          formatCount(problems.files),
        ),
      );
      const text = l10n.t(
        'RRO: {0} documents checked, {1} errors, {2} warnings.',
        formatCount(result.documents),
        formatCount(problems.errors),
        formatCount(problems.warnings),
      );
      if (problems.errors + problems.warnings === 0) void vscode.window.showInformationMessage(text);
      else {
        const show = l10n.t('Show Problems');
        void vscode.window.showWarningMessage(text, show).then((choice) => {
          if (choice === show) void vscode.commands.executeCommand('workbench.actions.view.problems');
        });
      }
      return { ...result, problems };
    },
  );
}
