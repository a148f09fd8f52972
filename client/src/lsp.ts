// The language client, in its own bundle (dist/clientLsp.js): vscode-languageclient is most of
// the client's code, and activation must not wait to load it. extension.ts loads this file on
// the tick after `activate` returns (or at once, if a command needs the client before that).
// It starts the bundled server over IPC for json/jsonc documents (on disk and untitled), hands
// it typed settings per resource, the UI language and its messages.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from './l10n';
import {
  LanguageClient,
  TransportKind,
  type ConfigurationParams,
  type ConfigurationRequest,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { OWN_CLIENT, SECTION, type RroInitOptions } from '../../server/src/lsp/protocol';
import type { SettingsSource } from './settings';
import { cachedDepartments } from './departmentsCache';
import { RuleDocs } from './ruleDocs';
import { resolveLang } from '../../server/src/core';

type ConfigurationNext = Parameters<ConfigurationRequest.MiddlewareSignature>[2];

/** The server's messages for the UI language, from l10n/<area>.<lang>.json in the extension. */
async function serverBundle(extensionPath: string, lang: string): Promise<Record<string, string>> {
  const dir = path.join(extensionPath, 'l10n');
  const bundle: Record<string, string> = {};
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith(`.${lang}.json`) || name.startsWith('bundle.l10n')) continue;
    try {
      const parsed: unknown = JSON.parse(await fs.readFile(path.join(dir, name), 'utf8'));
      if (typeof parsed === 'object' && parsed !== null) Object.assign(bundle, parsed);
    } catch {
      // A damaged bundle file: the server's built-in messages serve instead.
    }
  }
  return bundle;
}

export interface StartedClient {
  client: LanguageClient;
  /** Resolves once the server answered `initialize` (never rejects: failures are logged). */
  ready: Promise<void>;
}

export function startLanguageClient(
  context: vscode.ExtensionContext,
  output: vscode.LogOutputChannel,
  settings: SettingsSource,
): StartedClient {
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
  const ruleDocs = new RuleDocs(context);
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
      // rule links open the bundled rule page (offline), not the published README
      handleDiagnostics: (uri, diagnostics, next) => next(uri, ruleDocs.relink(diagnostics)),
      provideDiagnostics: async (document, previousResultId, token, next) => {
        const report = await next(document, previousResultId, token);
        if (report && 'items' in report) ruleDocs.relink(report.items);
        return report;
      },
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
  const client = new LanguageClient('rro', 'РРО', serverOptions, clientOptions);
  // Requests sent by commands before the server is up wait for it inside the client.
  const ready = serverBundle(context.extensionPath, resolveLang(vscode.env.language))
    .then((bundle) => {
      initializationOptions.bundle = bundle;
      return client.start();
    })
    .catch((e: unknown) =>
      output.error(l10n.t('The checking server did not start: {0}', e instanceof Error ? e.message : String(e))),
    );
  return { client, ready };
}
