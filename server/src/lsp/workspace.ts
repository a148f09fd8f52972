// Problems for files that are not open: a scan of workspace folders (on startup or by the
// «проверить папку» command) and re-checks from the file watcher. Open documents are the
// editor's business (diagnostics.ts); while a file is open its disk diagnostics are cleared.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { FileChangeType, type CancellationToken, type FileEvent } from 'vscode-languageserver/node';
import { checkBytes, LineIndex } from '../engine';
import { discover } from '../files/discover';
import { nextTick } from './cancel';
import type { ServerContext } from './context';
import { toDiagnostics } from './diagnostics';
import { documentKey, isSelectedRelative, pathToUri, uriToPath, type Folder } from './folders';
import type { CheckFolderResult } from './protocol';

const BATCH = 16;

export class WorkspaceChecker {
  /** Files whose disk diagnostics are in Problems, by path → the URI they were sent under. */
  private readonly shown = new Map<string, string>();
  /** Folders scanned (so changes below them are re-checked). */
  private readonly roots = new Set<string>();

  constructor(private readonly ctx: ServerContext) {}

  private isOpen(fsPath: string): boolean {
    return this.ctx.documents.all().some((d) => documentKey(d.uri) === fsPath);
  }

  private folderFor(fsPath: string): Folder {
    return this.ctx.folders.containing(fsPath) ?? { fsPath, uri: pathToUri(fsPath) };
  }

  /** Checks one file from disk; returns its counts, or undefined when it is not ours. */
  async checkFile(
    fsPath: string,
    folder = this.folderFor(fsPath),
  ): Promise<{ errors: number; warnings: number } | undefined> {
    const settings = await this.ctx.settings.forResource(folder.uri);
    if (!isSelectedRelative(path.relative(folder.fsPath, fsPath), settings)) return this.forget(fsPath);
    if (this.isOpen(fsPath)) return undefined;
    let bytes: Uint8Array;
    try {
      bytes = await fs.readFile(fsPath);
    } catch {
      return this.forget(fsPath); // gone or unreadable between the walk and the read
    }
    const options = await this.ctx.options.for(settings, this.ctx.folders.containing(fsPath)?.fsPath);
    // A walked file, as in `rro check <folder>`: not JSON text, or several appeals, is an error.
    const result = checkBytes(bytes, { ...options, walked: true });
    if (result.kind === 'unknown' && result.findings.length === 0) return this.forget(fsPath);
    const uri = this.shown.get(fsPath) ?? pathToUri(fsPath);
    this.shown.set(fsPath, uri);
    const diagnostics = toDiagnostics(result.findings, new LineIndex(result.text), this.ctx.text);
    void this.ctx.connection.sendDiagnostics({ uri, diagnostics });
    const errors = result.findings.filter((f) => f.severity === 'error').length;
    return { errors, warnings: result.findings.filter((f) => f.severity === 'warning').length };
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

  /** Every matching file under `root` (a workspace folder or any folder below one). */
  async checkFolder(root: string, token?: CancellationToken): Promise<CheckFolderResult> {
    const folder = this.folderFor(root);
    const settings = await this.ctx.settings.forResource(folder.uri);
    const atRoot = path.resolve(root) === path.resolve(folder.fsPath);
    // Below a workspace folder the globs still speak of paths relative to that folder:
    // walk everything that could be JSON and let checkFile match the folder-relative path.
    const started = Date.now();
    const found = await discover(
      root,
      atRoot ? { include: settings.files, exclude: settings.exclude } : { include: ['**'] },
    );
    this.roots.add(path.resolve(root));
    const result: CheckFolderResult = { files: found.files.length, documents: 0, errors: 0, warnings: 0 };
    for (let i = 0; i < found.files.length; i += BATCH) {
      if (token?.isCancellationRequested) break;
      const batch = found.files.slice(i, i + BATCH).map((f) => this.checkFile(f.absolute, folder));
      for (const counts of await Promise.all(batch)) {
        if (!counts) continue;
        result.documents++;
        result.errors += counts.errors;
        result.warnings += counts.warnings;
      }
      await nextTick(); // keep answering the editor between batches
    }
    // File counts and the folder only: names inside it may be personal (152-ФЗ).
    this.ctx.connection.console.log(
      `rro: ${result.documents} of ${result.files} files under ${root} checked in ${Date.now() - started} ms`,
    );
    // Files shown before but not walked now (excluded by new settings, gone): out of Problems.
    if (!token?.isCancellationRequested) {
      const walked = new Set(found.files.map((f) => f.absolute));
      this.forgetUnder(root, (shown) => !walked.has(shown));
    }
    return result;
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

  async checkWorkspace(token?: CancellationToken): Promise<CheckFolderResult> {
    const total: CheckFolderResult = { files: 0, documents: 0, errors: 0, warnings: 0 };
    for (const folder of this.ctx.folders.all()) {
      const r = await this.checkFolder(folder.fsPath, token);
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
    const fsPath = uriToPath(uri);
    if (fsPath && this.underScannedRoot(fsPath)) await this.checkFile(fsPath);
  }

  /** Settings changed: re-check what was scanned. */
  async recheck(): Promise<void> {
    for (const root of [...this.roots]) await this.checkFolder(root);
  }
}
