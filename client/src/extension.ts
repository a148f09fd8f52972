// The VS Code client's activation (dist/clientMain.js, required by entry.ts — dist/client.js —
// on the tick after VS Code calls `activate`). It does only what must exist at once — settings
// and the commands (stubs for those in other bundles) — and returns. The
// language client (lsp.ts → dist/clientLsp.js) and the rest of the UI (ui.ts → dist/clientUi.js:
// encoding guard, status bar target, report and «РРО» views) follow on the next tick; the heavy
// commands (heavy.ts → dist/clientCommands.js) load when one of them first runs; the output
// channel is created when something is first written to it.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CachedSettings } from './settings';
import { registerCommands, type ClientServices } from './commands/index';
import { formatDecimal } from './format';
import { lazyBundle } from './lazy';

type LspModule = typeof import('./lsp');
type UiModule = typeof import('./ui');

/** Commands of dist/clientUi.js (stubs until it loads, a tick after activation). */
const UI_COMMANDS: readonly string[] = [
  'rro.convertToUtf8',
  'rro.selectTarget',
  'rro.ensureTarget',
  'rro.showReport',
  'rro.refreshHistory',
];

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): RroExtensionApi {
  const started = performance.now();
  // where the body's time goes (returned for the suite, which prints it)
  const phases: Record<string, number> = {};
  let last = started;
  const mark = (name: string): void => {
    const now = performance.now();
    phases[name] = Math.round((now - last) * 10) / 10;
    last = now;
  };
  const output = lazyOutputChannel(context);
  const settings = new CachedSettings();
  mark('settings');
  context.subscriptions.push(settings);
  const startUi = lazyBundle<UiModule>(context, path.join('dist', 'clientUi.js'), UI_COMMANDS, (ui) =>
    ui.startUi(context, output),
  );
  mark('ui stubs');

  let markReady: () => void = () => undefined;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const languageClient = (): LanguageClient => {
    if (client) return client;
    const file = context.asAbsolutePath(path.join('dist', 'clientLsp.js'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a bundle loaded after activation
    const lsp = (require(file) as LspModule).startLanguageClient(context, output, settings);
    client = lsp.client;
    void lsp.ready.then(markReady);
    return client;
  };
  const services: ClientServices = {
    context,
    get client() {
      return languageClient();
    },
    output,
    settings,
  };
  registerCommands(services);
  mark('commands');
  const activationMs = performance.now() - started;
  // what can wait a tick: the language client, the status bar item, the «РРО» view
  setImmediate(() => {
    languageClient();
    startUi();
    output.info(l10n.t('Activated in {0} ms.', formatDecimal(activationMs)));
  });
  return { ready, activationMs, phases };
}

/** The «РРО» output channel, created on first use (creating it costs activation ~15 ms). */
function lazyOutputChannel(context: vscode.ExtensionContext): vscode.LogOutputChannel {
  let channel: vscode.LogOutputChannel | undefined;
  const real = (): vscode.LogOutputChannel => (channel ??= vscode.window.createOutputChannel('РРО', { log: true }));
  context.subscriptions.push({ dispose: () => channel?.dispose() });
  return new Proxy({} as vscode.LogOutputChannel, {
    get(_target, property) {
      const value: unknown = Reflect.get(real(), property);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(real()) : value;
    },
  });
}

/** What `activate` returns: tests and other extensions may wait until the server is up. */
export interface RroExtensionApi {
  ready: Promise<void>;
  /** How long this body took (after VS Code's figure: entry.ts runs it on the next tick). */
  activationMs: number;
  /** The body's parts, in ms each. */
  phases: Record<string, number>;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
