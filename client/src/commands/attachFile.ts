// «Прикрепить файл…»: pick a file; the server computes the edit that writes the question's
// attachment `name` and Base64 `content` (it knows the JSON around the cursor).
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';
import { ATTACHMENT_EDIT, type AttachmentEditParams } from '../../../server/src/lsp/protocol';
import type { WorkspaceEdit } from 'vscode-languageclient/node';
import type { ClientServices } from './index';
import { formatSize } from '../format';

export const ATTACH_FILE_COMMAND = 'rro.attachFile';

export function registerAttachFile(services: ClientServices): vscode.Disposable {
  return vscode.commands.registerCommand(ATTACH_FILE_COMMAND, async (uri?: string, pointer?: string) => {
    const target = uri ?? vscode.window.activeTextEditor?.document.uri.toString();
    if (!target || pointer === undefined) {
      void vscode.window.showWarningMessage(l10n.t('RRO: use this command from the quick fix on a question.'));
      return;
    }
    const picked = await vscode.window.showOpenDialog({ canSelectMany: false, openLabel: l10n.t('Attach') });
    if (!picked?.[0]) return;
    const bytes = await fs.readFile(picked[0].fsPath);
    const params: AttachmentEditParams = {
      uri: target,
      pointer,
      name: path.basename(picked[0].fsPath),
      contentBase64: bytes.toString('base64'),
    };
    const edit = await services.client.sendRequest<WorkspaceEdit | null>(ATTACHMENT_EDIT, params);
    if (!edit) return;
    await vscode.workspace.applyEdit(await services.client.protocol2CodeConverter.asWorkspaceEdit(edit));
    // Only the file's size goes to the log: its name and content may be personal data.
    services.output.info(l10n.t('Attachment of {0} written at {1}.', formatSize(bytes.length), pointer));
  });
}
