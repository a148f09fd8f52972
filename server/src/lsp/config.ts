// Settings per resource. With `workspace/configuration` the server asks the client for the
// `rro` section scoped to a file's folder (VS Code answers with typed values its client built
// once); without it, the settings pushed by `didChangeConfiguration` or initializationOptions serve.
// VS Code's `files.exclude` is read the same way, per folder, for the workspace scan.
import type { Connection } from 'vscode-languageserver/node';
import { SECTION } from './protocol';
import { toSettings, type RroSettings } from './settings';
import type { Folders } from './folders';
import { uriToPath } from './folders';

export class SettingsStore {
  private readonly cache = new Map<string, Promise<RroSettings>>();
  private readonly excludes = new Map<string, Promise<string[]>>();
  private pushed: RroSettings;

  constructor(
    private readonly connection: Connection,
    private readonly folders: Folders,
    private readonly pull: boolean,
    initial: unknown,
  ) {
    // `{rro: {...}}` (the shape didChangeConfiguration carries) or the section itself.
    const section =
      typeof initial === 'object' && initial !== null && SECTION in initial
        ? (initial as Record<string, unknown>)[SECTION]
        : initial;
    this.pushed = toSettings(section);
  }

  /** `didChangeConfiguration`: forget what was asked; keep pushed values for clients that push. */
  changed(settings: unknown): void {
    this.cache.clear();
    this.excludes.clear();
    if (typeof settings === 'object' && settings !== null && SECTION in settings) {
      this.pushed = toSettings((settings as Record<string, unknown>)[SECTION]);
    }
  }

  /** The folder a resource takes its settings from (its URI is the cache key). */
  scopeOf(uri: string | undefined): string | undefined {
    const fsPath = uri ? uriToPath(uri) : undefined;
    return fsPath ? (this.folders.containing(fsPath)?.uri ?? uri) : uri;
  }

  forResource(uri: string | undefined): Promise<RroSettings> {
    if (!this.pull) return Promise.resolve(this.pushed);
    const scope = this.scopeOf(uri);
    const key = scope ?? '';
    let found = this.cache.get(key);
    if (!found) {
      found = this.connection.workspace
        .getConfiguration({ scopeUri: scope, section: SECTION })
        .then((raw: unknown) => toSettings(raw ?? {}))
        .catch(() => this.pushed);
      this.cache.set(key, found);
    }
    return found;
  }

  /**
   * The `files.exclude` patterns switched on (`true`) for a resource's folder; `{when: …}`
   * entries (hide a file when a sibling exists) are not followed, so they exclude nothing.
   * Clients without `workspace/configuration` have none.
   */
  filesExclude(uri: string | undefined): Promise<string[]> {
    if (!this.pull) return Promise.resolve([]);
    const scope = this.scopeOf(uri);
    const key = scope ?? '';
    let found = this.excludes.get(key);
    if (!found) {
      found = this.connection.workspace
        .getConfiguration({ scopeUri: scope, section: FILES_EXCLUDE })
        .then(enabledPatterns)
        .catch(() => []);
      this.excludes.set(key, found);
    }
    return found;
  }
}

export const FILES_EXCLUDE = 'files.exclude';

function enabledPatterns(raw: unknown): string[] {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return [];
  return Object.entries(raw as Record<string, unknown>)
    .filter(([pattern, on]) => on === true && pattern.trim() !== '')
    .map(([pattern]) => pattern);
}
