// The VS Code client: starts the bundled server over IPC for json/jsonc documents (on disk
// and untitled), hands it typed settings per resource and the UI language (the server's
// messages are built into it), and registers the commands. The format lives in the server.
import * as path from 'node:path';
import * as vscode from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type ConfigurationParams,
  type ConfigurationRequest,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { OWN_CLIENT, SECTION, type RroInitOptions } from '../../server/src/lsp/protocol';
import { CachedSettings } from './settings';
import { cachedDepartments } from './departmentsCache';
import { registerCommands } from './commands/index';

type ConfigurationNext = Parameters<ConfigurationRequest.MiddlewareSignature>[2];

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<RroExtensionApi> {
  const started = performance.now();
  const output = vscode.window.createOutputChannel('РРО', { log: true });
  const settings = new CachedSettings();
  context.subscriptions.push(output, settings);

  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const initializationOptions: RroInitOptions = {
    client: OWN_CLIENT,
    locale: vscode.env.language,
    departments: cachedDepartments(context),
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc' },
      { scheme: 'untitled', language: 'json' },
      { scheme: 'untitled', language: 'jsonc' },
    ],
    initializationOptions,
    outputChannel: output,
    // No `synchronize.fileEvents`: the server registers its own watchers (JSON files, and
    // folder deletes/renames), so every editor gets the same behaviour and events come once.
    middleware: {
      workspace: {
        // The server asks for `rro` per resource; answer with typed values built once.
        configuration: (params: ConfigurationParams, token: vscode.CancellationToken, next: ConfigurationNext) => {
          const own = params.items.every((item) => item.section === SECTION);
          if (!own) return next(params, token);
          return params.items.map((item) => settings.for(item.scopeUri ? vscode.Uri.parse(item.scopeUri) : undefined));
        },
      },
    },
  };
  client = new LanguageClient('rro', 'РРО', serverOptions, clientOptions);
  // Activation does not wait for the server (it must stay fast): requests sent by commands
  // before it is up wait for it inside the client.
  registerCommands({ context, client, output, settings });
  const ready = client
    .start()
    .catch((e: unknown) => output.error(`server failed to start: ${e instanceof Error ? e.message : String(e)}`));
  const activationMs = performance.now() - started;
  output.info(`activated in ${activationMs.toFixed(1)} ms`);
  return { ready, activationMs };
}

/** What `activate` returns: tests and other extensions may wait until the server is up. */
export interface RroExtensionApi {
  ready: Promise<void>;
  /** How long `activate` took (the target is under 100 ms; it does not wait for the server). */
  activationMs: number;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
