// The VS Code client's entry point (dist/client.js). Activation does only what must exist at
// once — the output channel, settings, the encoding guard, the target in the status bar, the
// «РРО» view and the command stubs — and returns. The language client (lsp.ts, its own bundle)
// is loaded on the next tick, the heavy commands (heavy.ts) when one of them first runs.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CachedSettings } from './settings';
import { registerCommands, type ClientServices } from './commands/index';
import { EncodingGuard } from './encoding';
import { formatDecimal } from './format';
import { l10n } from './l10n';
import { Targets } from './targets';
import { registerReportView } from './reports/reportView';
import { registerHistoryView } from './reports/historyView';

type LspModule = typeof import('./lsp');

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): RroExtensionApi {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('РРО', { log: true });
  const settings = new CachedSettings();
  context.subscriptions.push(
    output,
    settings,
    new EncodingGuard(output),
    new Targets(context, output),
    registerReportView(),
    registerHistoryView(),
  );

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
  setImmediate(languageClient);
  const activationMs = performance.now() - started;
  output.info(l10n.t('Activated in {0} ms.', formatDecimal(activationMs)));
  return { ready, activationMs };
}

/** What `activate` returns: tests and other extensions may wait until the server is up. */
export interface RroExtensionApi {
  ready: Promise<void>;
  /** How long the body of `activate` took (VS Code's own figure adds loading dist/client.js). */
  activationMs: number;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
