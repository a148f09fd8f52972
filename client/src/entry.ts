// dist/client.js, the file VS Code loads to activate us: a hand-off and nothing else. VS Code's
// activation figure («Running Extensions»: load code + call activate) covers loading this file
// and the synchronous call, so both stay as small as an empty extension's. The activation itself
// (extension.ts → dist/clientMain.js: settings, commands, the language client) runs on the next
// tick, and the promise returned here resolves with its API once every command is registered:
// VS Code holds a command run before that until the `onCommand` activation resolves, so a
// command invoked first thing after start still runs. This file imports nothing at run time.
import type * as vscode from 'vscode';
import type { RroExtensionApi } from './extension';

type MainModule = typeof import('./extension');

let main: MainModule | undefined;

export function activate(context: vscode.ExtensionContext): Promise<RroExtensionApi> {
  return new Promise((resolve, reject) =>
    setImmediate(() => {
      try {
        // eslint-disable-next-line @typescript-eslint/no-require-imports -- the bundle that activates
        main = require(context.asAbsolutePath('dist/clientMain.js')) as MainModule;
        resolve(main.activate(context));
      } catch (e) {
        reject(e instanceof Error ? e : new Error(String(e)));
      }
    }),
  );
}

export function deactivate(): Promise<void> | undefined {
  return main?.deactivate();
}
