// The light half of «Форма обращения» (in dist/client.js): the custom editor is registered at
// activation, but its provider — the form, the format table, jsonc-parser — stays in the heavy
// bundle (dist/clientCommands.js) until a form is first opened. Also «Открыть как форму» and
// two commands the VS Code suite drives the form with (not in the manifest).
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ClientServices } from '../commands/index';
import type { AppealFormProvider, FormMessage, FormState } from './provider';

export const FORM_VIEW_TYPE = 'rro.appealForm';

type HeavyModule = typeof import('../heavy');

export function registerFormEditor(services: ClientServices): vscode.Disposable[] {
  let provider: AppealFormProvider | undefined;
  const real = (): AppealFormProvider => {
    if (provider) return provider;
    const file = services.context.asAbsolutePath(path.join('dist', 'clientCommands.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use
    provider = (require(file) as HeavyModule).createFormProvider(services);
    return provider;
  };
  const proxy: vscode.CustomTextEditorProvider = {
    resolveCustomTextEditor: (document, panel) => real().resolveCustomTextEditor(document, panel),
  };
  return [
    vscode.window.registerCustomEditorProvider(FORM_VIEW_TYPE, proxy, {
      webviewOptions: { retainContextWhenHidden: false },
      supportsMultipleEditorsPerDocument: false,
    }),
    vscode.commands.registerCommand('rro.openForm', async (target?: vscode.Uri) => {
      const uri = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
      if (!uri) return;
      await vscode.commands.executeCommand('vscode.openWith', uri, FORM_VIEW_TYPE);
    }),
    vscode.commands.registerCommand('rro.form.applyForTest', (uri: vscode.Uri, message: FormMessage) =>
      real().apply(uri, message),
    ),
    vscode.commands.registerCommand('rro.form.stateForTest', (uri: vscode.Uri): FormState | undefined =>
      real().state(uri),
    ),
  ];
}
