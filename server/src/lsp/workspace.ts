// Problems for files that are not open: a scan of workspace folders (on startup or by the
// «проверить папку» command) and re-checks from the file watcher. Open documents are the
// editor's business (diagnostics.ts); while a file is open its disk diagnostics are cleared.
//
// Speed (issue 14): the scan reads synchronously, like `rro check` (the promise API's
// thread-pool round trips cost more than the reading of small files), in slices of a few
// milliseconds with a turn of the event loop between them (a short sleep while someone edits),
// so the open document's requests are answered during a scan; after a keystroke or a
// diagnostics request the scan also steps aside once. Only files with findings are published
// (and files shown before, to clear them): a clean file has nothing to show, and 10,000 empty
// notifications cost as much as the checking. The end of a scan is a `$/progress` end for clients that support it.
import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { FileChangeType, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { checkBytes, LineIndex, type BytesCheck, type CheckOptions } from '../engine';
import { discover } from '../files/discover';
import { nextTick } from './cancel';
import type { ServerContext } from './context';
import { toDiagnostics } from './diagnostics';
import { ALWAYS_SKIPPED, documentKey, pathToUri, selector, uriToPath, type Folder } from './folders';
import type { CheckFolderResult } from './protocol';
import type { RroSettings } from './settings';

/** The longest run of synchronous checking before other messages get a turn. */
const SLICE_MS = 2;
/** After a keystroke or a diagnostics request the scan steps aside this long (see editorActive). */
const EDITOR_FIRST_MS = 15;
/** Within this long after the last edit, someone is typing. */
const EDITING_MS = 1000;
/** Progress reports at most this often. */
const PROGRESS_MS = 250;

type Counts = { errors: number; warnings: number };

/** What a scan of one workspace folder needs, built once per scan instead of once per file. */
export interface Scope {
  folder: Folder;
  settings: RroSettings;
  options: CheckOptions;
  /** `rro.exclude`, `files.exclude`, `.git` and `node_modules`, relative to the folder. */
  exclude: string[];
  /** A folder-relative path is ours: in `rro.files`, not excluded. */
  selected: (relative: string) => boolean;
}

export class WorkspaceChecker {
  /** Files whose disk diagnostics are in Problems, by path → the URI they were sent under. */
  private readonly shown = new Map<string, string>();
  /** Folders scanned (so changes below them are re-checked). */
  private readonly roots = new Set<string>();
  /** The client pulls `workspace/diagnostic`: the scan publishes nothing any more. */
  private pulled = false;
  /** Until when the scan leaves the event loop to the editor's messages. */
  private pauseUntil = Number.NEGATIVE_INFINITY;
  /** Until when someone is taken to be typing. */
  private editingUntil = Number.NEGATIVE_INFINITY;
  /** Files changed on disk while the client pulls (it is asked to pull again). */
  onPulledChange: () => void = () => undefined;

  constructor(private readonly ctx: ServerContext) {}

  /**
   * The user typed (`edit`) or the editor asked for an open document's diagnostics: the scan
   * pauses briefly, so the few turns of the event loop that answer it are not each behind a
   * slice; after an edit it also sleeps between slices for a while (see walk).
   */
  editorActive(kind: 'edit' | 'request'): void {
    const now = performance.now();
    this.pauseUntil = now + EDITOR_FIRST_MS;
    if (kind === 'edit') this.editingUntil = now + EDITING_MS;
  }

  private openPaths(): Set<string> {
    return new Set(this.ctx.documents.all().map((d) => documentKey(d.uri)));
  }

  private folderFor(fsPath: string): Folder {
    return this.ctx.folders.containing(fsPath) ?? { fsPath, uri: pathToUri(fsPath) };
  }

  private async scopeOf(folder: Folder): Promise<Scope> {
    const [settings, filesExclude] = await Promise.all([
      this.ctx.settings.forResource(folder.uri),
      this.ctx.settings.filesExclude(folder.uri),
    ]);
    const options = await this.ctx.options.for(settings, this.ctx.folders.containing(folder.fsPath)?.fsPath);
    const exclude = [...settings.exclude, ...filesExclude, ...ALWAYS_SKIPPED];
    return { folder, settings, options, exclude, selected: selector(settings.files, exclude) };
  }

  /** Checks one file from disk; returns its counts, or undefined when it is not ours. */
  async checkFile(fsPath: string): Promise<Counts | undefined> {
    // A FIFO or a device named *.json would block the server's one thread on reading.
    if (!(await fs.stat(fsPath).catch(() => undefined))?.isFile()) return this.forget(fsPath);
    const scope = await this.scopeOf(this.folderFor(fsPath));
    if (!scope.selected(path.relative(scope.folder.fsPath, fsPath))) return this.forget(fsPath);
    return this.checkInScope(fsPath, scope, this.openPaths());
  }

  /** Checks a file the folder's settings select (see walk). */
  private checkInScope(fsPath: string, scope: Scope, open: ReadonlySet<string>): Counts | undefined {
    if (open.has(fsPath)) return undefined;
    const result = checkDisk(fsPath, scope.options);
    // A walked file that is not JSON text, or holds several appeals, has findings though unknown.
    if (!result || (result.kind === 'unknown' && result.findings.length === 0)) return this.forget(fsPath);
    if (result.findings.length === 0) {
      this.forget(fsPath);
      return { errors: 0, warnings: 0 };
    }
    if (!this.pulled) {
      const uri = this.shown.get(fsPath) ?? pathToUri(fsPath);
      this.shown.set(fsPath, uri);
      const diagnostics = toDiagnostics(result.findings, new LineIndex(result.text), this.ctx.text);
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
    }
    let errors = 0;
    let warnings = 0;
    for (const f of result.findings) {
      if (f.severity === 'error') errors++;
      else if (f.severity === 'warning') warnings++;
    }
    return { errors, warnings };
  }

  /** Removes a file's disk diagnostics from Problems (deleted, excluded, opened, not ours). */
  forget(fsPath: string): undefined {
    const uri = this.shown.get(fsPath);
    if (uri) {
      this.shown.delete(fsPath);
      void this.ctx.connection.sendDiagnostics({ uri, diagnostics: [] });
    }
    return undefined;
  }

  /**
   * Every matching file under `root` (a workspace folder or any folder below one). `quiet`:
   * no `$/progress` (the requester shows its own).
   */
  async checkFolder(root: string, token?: CancellationToken, quiet = false): Promise<CheckFolderResult> {
    const started = performance.now();
    const result: CheckFolderResult = { files: 0, documents: 0, errors: 0, warnings: 0 };
    const walked = await this.walk(root, token, quiet, (fsPath, scope, open) => {
      const counts = this.checkInScope(fsPath, scope, open);
      if (!counts) return;
      result.documents++;
      result.errors += counts.errors;
      result.warnings += counts.warnings;
    });
    result.files = walked.length;
    // File counts and the folder only: names inside it may be personal (152-ФЗ).
    this.ctx.connection.console.log(
      `rro: ${result.documents} of ${result.files} files under ${root} checked in ${Math.round(performance.now() - started)} ms`,
    );
    // Files shown before but not walked now (excluded by new settings, gone): out of Problems.
    if (!token?.isCancellationRequested) {
      const seen = new Set(walked);
      this.forgetUnder(root, (shown) => !seen.has(shown));
    }
    return result;
  }

  /**
   * Calls `visit` for every file under `root` that the folder's settings select, in slices of
   * synchronous work with a turn of the event loop between them; returns those files.
   */
  async walk(
    root: string,
    token: CancellationToken | undefined,
    quiet: boolean,
    visit: (fsPath: string, scope: Scope, open: ReadonlySet<string>) => void,
  ): Promise<string[]> {
    const scope = await this.scopeOf(this.folderFor(root));
    const atRoot = path.resolve(root) === path.resolve(scope.folder.fsPath);
    const progress = quiet ? undefined : this.ctx.connection.window.createWorkDoneProgress().catch(() => undefined);
    // Below a workspace folder the globs still speak of paths relative to that folder:
    // walk everything that could be JSON and let `selected` match the folder-relative path.
    const found = await discover(
      root,
      atRoot ? { include: scope.settings.files, exclude: scope.exclude } : { include: ['**'], exclude: ALWAYS_SKIPPED },
    );
    this.roots.add(path.resolve(root));
    const reporter = await progress;
    reporter?.begin(this.ctx.text.t('lsp.scan.title'), 0, undefined, false);
    // At the folder itself the walk applied `rro.files` and every exclude already.
    const walked = found.files.map((f) => f.absolute);
    const files = atRoot ? walked : walked.filter((f) => scope.selected(path.relative(scope.folder.fsPath, f)));
    let open = this.openPaths();
    let slice = performance.now();
    let reported = slice;
    for (let i = 0; i < files.length; i++) {
      if (performance.now() - slice > SLICE_MS) {
        // Keep answering the editor between slices. While someone edits, a short sleep rather
        // than a turn of the loop (a process that never sleeps is scheduled last on a busy
        // machine, and the editor's answers with it), and one pause at most after their
        // message, then a slice: the scan keeps moving while someone types on.
        const now = performance.now();
        const sleep = Math.max(this.pauseUntil - now, now < this.editingUntil ? 1 : 0);
        if (sleep > 0) await new Promise((resolve) => setTimeout(resolve, sleep));
        else await nextTick();
        if (token?.isCancellationRequested) break;
        open = this.openPaths();
        slice = performance.now();
        if (reporter && slice - reported > PROGRESS_MS) {
          reported = slice;
          const done = this.ctx.text.t('lsp.scan.done', { done: String(i), total: String(files.length) });
          reporter.report(Math.floor((i * 100) / files.length), done);
        }
      }
      visit(files[i], scope, open);
    }
    reporter?.done();
    return files;
  }

  /**
   * The client asked for `workspace/diagnostic`: from now on it pulls what is on disk, so what
   * the scan pushed leaves (else every problem would show twice) and nothing is pushed again.
   */
  switchToPull(): void {
    if (this.pulled) return;
    for (const shown of [...this.shown.keys()]) this.forget(shown);
    this.pulled = true;
  }

  get isPulled(): boolean {
    return this.pulled;
  }

  /** Forgets the shown files at or below `root` (that pass `which`). */
  forgetUnder(root: string, which: (fsPath: string) => boolean = () => true): void {
    const base = path.resolve(root);
    for (const shown of [...this.shown.keys()]) {
      if ((shown === base || shown.startsWith(base + path.sep)) && which(shown)) this.forget(shown);
    }
  }

  /** A workspace folder was removed: its files leave Problems and are no longer watched. */
  removeRoot(root: string): void {
    this.forgetUnder(root);
    this.roots.delete(path.resolve(root));
  }

  async checkWorkspace(token?: CancellationToken, quiet = false): Promise<CheckFolderResult> {
    const total: CheckFolderResult = { files: 0, documents: 0, errors: 0, warnings: 0 };
    for (const folder of this.ctx.folders.all()) {
      const r = await this.checkFolder(folder.fsPath, token, quiet);
      total.files += r.files;
      total.documents += r.documents;
      total.errors += r.errors;
      total.warnings += r.warnings;
    }
    return total;
  }

  isScanned(root: string): boolean {
    return this.roots.has(path.resolve(root));
  }

  private underScannedRoot(fsPath: string): boolean {
    for (const root of this.roots) if (fsPath === root || fsPath.startsWith(root + path.sep)) return true;
    return false;
  }

  /** The file watcher: keep Problems true on create, change, delete and rename (= delete + create). */
  async changed(events: readonly FileEvent[]): Promise<void> {
    if (this.pulled) return this.onPulledChange();
    for (const event of events) {
      const fsPath = uriToPath(event.uri);
      if (!fsPath) continue;
      if (event.type === FileChangeType.Deleted) {
        // A deleted folder comes as one event: forget everything below it too.
        for (const shown of [...this.shown.keys()])
          if (shown === fsPath || shown.startsWith(fsPath + path.sep)) this.forget(shown);
        continue;
      }
      if (!this.underScannedRoot(fsPath) && !this.shown.has(fsPath)) continue;
      const stat = await fs.stat(fsPath).catch(() => undefined);
      if (stat?.isDirectory()) await this.checkFolder(fsPath);
      else if (stat) await this.checkFile(fsPath);
      else this.forget(fsPath);
    }
  }

  /** An open document takes over from its disk diagnostics, and hands back on close. */
  opened(uri: string): void {
    const fsPath = uriToPath(uri);
    if (fsPath) this.forget(fsPath);
  }

  async closed(uri: string): Promise<void> {
    if (this.pulled) return;
    const fsPath = uriToPath(uri);
    if (fsPath && this.underScannedRoot(fsPath)) await this.checkFile(fsPath);
  }

  /** Settings changed: re-check what was scanned. */
  async recheck(): Promise<void> {
    if (this.pulled) return; // the client pulls again after the refresh
    for (const root of [...this.roots]) await this.checkFolder(root);
  }
}

/** A file's check, or undefined when it is gone or unreadable between the walk and the read. */
export function checkDisk(fsPath: string, options: CheckOptions): BytesCheck | undefined {
  let bytes: Buffer;
  try {
    bytes = readFileSync(fsPath);
  } catch {
    return undefined;
  }
  // A walked file, as in `rro check <folder>`: not JSON text, or several appeals, is an error.
  return checkBytes(bytes, { ...options, walked: true });
}
