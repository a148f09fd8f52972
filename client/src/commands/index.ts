// The one place where the client's commands are registered. Each command lives in its own
// file under commands/ and exports `register(services)`. Light commands (they only talk to the
// server) are in COMMANDS below; the heavy ones (pack, ZIP check, send, status, departments)
// are registered from heavy.ts, a bundle of its own: until one of them first runs, a stub
// stands for each id in LAZY_COMMANDS, and the first call loads the bundle and re-runs.
import * as path from 'node:path';
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SettingsSource } from '../settings';
import { registerFormEditor } from '../form/lazy';
import { registerCheckFolder } from './checkFolder';
import { registerAttachFile } from './attachFile';
import { lazyBundle } from '../lazy';

/** What every command may use; built once in extension.ts. */
export interface ClientServices {
  context: vscode.ExtensionContext;
  /** The language server connection (loaded on first use); requests sent while it starts wait. */
  readonly client: LanguageClient;
  /** Where commands log (file names, pointers, rule ids, HTTP statuses — never personal data). */
  output: vscode.LogOutputChannel;
  /** Typed settings per resource, converted from `rro.*` once per change. */
  settings: SettingsSource;
}

/** A command module: registers its command(s) and returns what to dispose. */
export type CommandRegistration = (services: ClientServices) => vscode.Disposable | vscode.Disposable[];

const COMMANDS: readonly CommandRegistration[] = [registerCheckFolder, registerAttachFile, registerFormEditor];

/** Commands registered by heavy.ts (a test checks every manifest command is registered). */
export const LAZY_COMMANDS: readonly string[] = [
  'rro.packFolder',
  'rro.checkArchive',
  'rro.send',
  'rro.sendRetry',
  'rro.setApiHeaders',
  'rro.findDepartment',
  'rro.nullReport',
  'rro.status',
];

type HeavyModule = typeof import('../heavy');

export function registerCommands(services: ClientServices): void {
  for (const register of COMMANDS) {
    const made = register(services);
    services.context.subscriptions.push(...(Array.isArray(made) ? made : [made]));
  }
  lazyBundle<HeavyModule>(services.context, path.join('dist', 'clientCommands.js'), LAZY_COMMANDS, (heavy) =>
    heavy.registerHeavyCommands(services),
  );
}
