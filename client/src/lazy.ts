// A bundle loaded on demand: until it is, a stub stands for each of its command ids; the first
// call (or `load()`) disposes the stubs, requires the bundle — which registers the real commands
// — and the stub re-runs the command.
import * as vscode from 'vscode';

export function lazyBundle<T>(
  context: vscode.ExtensionContext,
  file: string,
  ids: readonly string[],
  start: (module: T) => void,
): () => void {
  let loaded = false;
  const stubs: vscode.Disposable[] = [];
  const load = (): void => {
    if (loaded) return;
    loaded = true;
    for (const s of stubs) s.dispose();
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded on first use
    start(require(context.asAbsolutePath(file)) as T);
  };
  for (const id of ids)
    stubs.push(
      vscode.commands.registerCommand(id, (...args: unknown[]) => {
        load();
        return vscode.commands.executeCommand(id, ...args);
      }),
    );
  context.subscriptions.push(...stubs);
  return load;
}
