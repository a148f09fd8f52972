// Settings per resource, converted to typed values once (and again only when `rro.*` changes).
import * as vscode from 'vscode';
import { SECTION } from '../../server/src/lsp/protocol';
import { toSettings, type RroSettings } from '../../server/src/core';

export interface SettingsSource {
  /** Typed `rro.*` settings for a file or folder (the workspace's when no resource). */
  for(resource?: vscode.Uri): RroSettings;
}

/** Reads `rro` for a resource into the plain object `toSettings` expects. */
function rawSection(resource: vscode.Uri | undefined): Record<string, unknown> {
  const c = vscode.workspace.getConfiguration(SECTION, resource ?? null);
  return {
    files: c.get('files'),
    exclude: c.get('exclude'),
    classifier: { path: c.get('classifier.path') },
    departments: { path: c.get('departments.path') },
    rules: c.get('rules'),
    attachments: { required: c.get('attachments.required') },
    validate: { workspace: c.get('validate.workspace') },
  };
}

export class CachedSettings implements SettingsSource, vscode.Disposable {
  private readonly cache = new Map<string, RroSettings>();
  private readonly listener: vscode.Disposable;

  constructor() {
    this.listener = vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(SECTION)) this.cache.clear();
    });
  }

  for(resource?: vscode.Uri): RroSettings {
    // Per-folder settings: files of one folder share the folder's values.
    const folder = resource ? vscode.workspace.getWorkspaceFolder(resource) : undefined;
    const scope = folder?.uri ?? resource;
    const key = scope?.toString() ?? '';
    let settings = this.cache.get(key);
    if (!settings) {
      settings = toSettings(rawSection(scope));
      this.cache.set(key, settings);
    }
    return settings;
  }

  dispose(): void {
    this.listener.dispose();
  }
}
