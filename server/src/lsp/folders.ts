// Workspace folders and which of them a file belongs to; `rro.files` / `rro.exclude` are
// matched against the path relative to that folder, like VS Code's own file settings.
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createMatcher, matchesSelfOrParent } from '../files/glob';
import type { RroSettings } from './settings';

export interface Folder {
  uri: string;
  fsPath: string;
}

/** A file URI's path, or undefined for other schemes (untitled:, vscode-notebook-cell:…). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export function pathToUri(fsPath: string): string {
  return pathToFileURL(fsPath).href;
}

/** One key per file whatever the URI's percent-encoding (VS Code and Node encode differently). */
export function documentKey(uri: string): string {
  return uriToPath(uri) ?? uri;
}

export class Folders {
  private list: Folder[] = [];

  set(folders: readonly { uri: string }[]): void {
    this.list = folders
      .map((f) => ({ uri: f.uri, fsPath: uriToPath(f.uri) }))
      .filter((f): f is Folder => f.fsPath !== undefined)
      // The deepest folder first: nested workspace folders own their files.
      .sort((a, b) => b.fsPath.length - a.fsPath.length);
  }

  all(): readonly Folder[] {
    return this.list;
  }

  containing(fsPath: string): Folder | undefined {
    return this.list.find(
      (f) => fsPath === f.fsPath || fsPath.startsWith(f.fsPath.endsWith(path.sep) ? f.fsPath : f.fsPath + path.sep),
    );
  }
}

/**
 * Does `uri` match `rro.files` and not `rro.exclude`? Untitled buffers always do (only their
 * content decides); a file outside every folder is matched by its name.
 */
export function isSelected(uri: string, settings: RroSettings, folders: Folders): boolean {
  const fsPath = uriToPath(uri);
  if (fsPath === undefined) return !uri.startsWith('file:');
  const folder = folders.containing(fsPath);
  const relative = folder ? path.relative(folder.fsPath, fsPath) : path.basename(fsPath);
  return isSelectedRelative(relative, settings);
}

export function isSelectedRelative(relative: string, settings: RroSettings): boolean {
  return selector(settings.files, settings.exclude)(relative);
}

/** Never part of a workspace scan, whatever the settings: version control and dependencies. */
export const ALWAYS_SKIPPED: readonly string[] = ['**/.git', '**/node_modules'];

/** One predicate for folder-relative paths, built once: in `include`, not in (below) `exclude`. */
export function selector(include: readonly string[], exclude: readonly string[]): (relative: string) => boolean {
  const included = createMatcher(include);
  const excluded = createMatcher(exclude);
  return (relative) => included(relative) && !matchesSelfOrParent(excluded, relative);
}
