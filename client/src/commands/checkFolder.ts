// «РРО: проверить папку»: the server checks every matching file and fills Problems.
import * as vscode from 'vscode';
import { CHECK_FOLDER, type CheckFolderParams, type CheckFolderResult } from '../../../server/src/lsp/protocol';
import type { ClientServices } from './index';

export const CHECK_FOLDER_COMMAND = 'rro.checkFolder';

export function registerCheckFolder(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(CHECK_FOLDER_COMMAND, async (folder?: vscode.Uri) => {
    const params: CheckFolderParams = folder ? { uri: folder.toString() } : {};
    const result = await vscode.window.withProgress(
      {
        location: vscode.ProgressLocation.Notification,
        title: vscode.l10n.t('RRO: checking files…'),
        cancellable: true,
      },
      (_progress, token) => services.client.sendRequest<CheckFolderResult>(CHECK_FOLDER, params, token),
    );
    services.output.appendLine(
      `checkFolder: ${result.documents}/${result.files} documents, ${result.errors} errors, ${result.warnings} warnings`,
    );
    void vscode.window.showInformationMessage(
      vscode.l10n.t(
        'RRO: {0} documents checked, {1} errors, {2} warnings.',
        result.documents,
        result.errors,
        result.warnings,
      ),
    );
    return result;
  });
}
