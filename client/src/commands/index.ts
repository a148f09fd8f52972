// The one place where the client's commands are registered. Each command lives in its own
// file under commands/ and exports `register(services)`; add one line to COMMANDS below.
import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { SettingsSource } from '../settings';
import { registerCheckFolder } from './checkFolder';
import { registerAttachFile } from './attachFile';
import { registerPack } from './pack';
import { registerSend } from './send';
import { registerFindDepartment } from './departments';
import { registerNullReport } from './nullReport';

/** What every command may use; built once in extension.ts. */
export interface ClientServices {
  context: vscode.ExtensionContext;
  /** The language server connection; requests sent while it is still starting wait for it. */
  client: LanguageClient;
  /** Where commands log (file names, pointers, rule ids, HTTP statuses — never personal data). */
  output: vscode.LogOutputChannel;
  /** Typed settings per resource, converted from `rro.*` once per change. */
  settings: SettingsSource;
}

/** A command module: registers its command(s) and returns what to dispose. */
export type CommandRegistration = (services: ClientServices) => vscode.Disposable | vscode.Disposable[];

const COMMANDS: readonly CommandRegistration[] = [
  registerCheckFolder,
  registerAttachFile,
  registerPack,
  registerSend,
  registerFindDepartment,
  registerNullReport,
];

export function registerCommands(services: ClientServices): void {
  for (const register of COMMANDS) {
    const made = register(services);
    services.context.subscriptions.push(...(Array.isArray(made) ? made : [made]));
  }
}
