// The folder walker every front door uses (check, pack, send, the language server's
// workspace scan): recursive, sorted, filtered by VS Code-style globs. It never throws on an
// entry it cannot read — it reports it — and never leaves the root through a symlink, so a
// link to `/` or to a network share cannot make a check walk the whole disk.
import { promises as fs, type Dirent } from 'node:fs';
import * as path from 'node:path';
import { createMatcher, type GlobOptions } from './glob';

export const DEFAULT_INCLUDE: readonly string[] = ['**/*.json'];

/** Entries of one folder matched between two turns of the event loop (a few milliseconds). */
const YIELD_EVERY = 200;

export interface DiscoveredFile {
  /** Relative to the root, with `/` separators (what globs and reports use). */
  relative: string;
  /** The root joined with `relative` (not resolved through symlinks). */
  absolute: string;
}

/**
 * Why an entry was not walked: `unreadable` (permissions, a dangling link, I/O error — the
 * errno code is in `detail`), `outside-root` (a symlink pointing out of the root),
 * `loop` (a symlink to a folder already walked: a cycle, or a second way to the same folder,
 * so no file is listed twice), `not-a-folder` (the root itself).
 */
export type DiscoveryProblemCode = 'unreadable' | 'outside-root' | 'loop' | 'not-a-folder';

export interface DiscoveryProblem {
  code: DiscoveryProblemCode;
  relative: string;
  absolute: string;
  /** `EACCES`, `ENOENT`, … for `unreadable`; empty otherwise. */
  detail: string;
}

export interface DiscoverOptions extends GlobOptions {
  /** Files to keep, relative to the root. Default: every `.json` file at any depth. */
  include?: readonly string[];
  /** Files and folders to skip; a matching folder is not entered. */
  exclude?: readonly string[];
}

export interface Discovery {
  root: string;
  files: DiscoveredFile[];
  problems: DiscoveryProblem[];
}

export async function discover(root: string, options: DiscoverOptions = {}): Promise<Discovery> {
  const absRoot = path.resolve(root);
  const result: Discovery = { root: absRoot, files: [], problems: [] };
  const include = createMatcher(options.include ?? DEFAULT_INCLUDE, options);
  const exclude = createMatcher(options.exclude ?? [], options);
  const problem = (code: DiscoveryProblemCode, relative: string, detail = ''): void => {
    result.problems.push({ code, relative, absolute: path.join(absRoot, relative), detail });
  };

  let realRoot: string;
  try {
    realRoot = await fs.realpath(absRoot);
    if (!(await fs.stat(realRoot)).isDirectory()) {
      problem('not-a-folder', '');
      return result;
    }
  } catch (e) {
    problem('unreadable', '', errnoCode(e));
    return result;
  }
  const visited = new Set<string>([realRoot]);

  const walk = async (dirAbs: string, dirRel: string): Promise<void> => {
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dirAbs, { withFileTypes: true });
    } catch (e) {
      problem('unreadable', dirRel, errnoCode(e));
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const [i, entry] of entries.entries()) {
      // A turn of the event loop now and then: the language server answers the editor meanwhile.
      if (i > 0 && i % YIELD_EVERY === 0) await new Promise((resolve) => setImmediate(resolve));
      const rel = dirRel ? `${dirRel}/${entry.name}` : entry.name;
      const abs = path.join(dirAbs, entry.name);
      if (exclude(rel)) continue;
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      let real = abs;
      if (entry.isSymbolicLink() || isDir) {
        try {
          real = await fs.realpath(abs);
          if (entry.isSymbolicLink()) {
            if (!isInside(realRoot, real)) {
              problem('outside-root', rel);
              continue;
            }
            const target = await fs.stat(real);
            isDir = target.isDirectory();
            isFile = target.isFile();
          }
        } catch (e) {
          problem('unreadable', rel, errnoCode(e));
          continue;
        }
      }
      if (isDir) {
        if (visited.has(real)) {
          problem('loop', rel);
          continue;
        }
        visited.add(real);
        await walk(abs, rel);
      } else if (isFile && include(rel)) {
        // Sockets, FIFOs and devices are never listed: reading a FIFO would hang.
        result.files.push({ relative: rel, absolute: path.join(absRoot, ...rel.split('/')) });
      }
    }
  };
  await walk(absRoot, '');
  return result;
}

function isInside(root: string, candidate: string): boolean {
  const rel = path.relative(root, candidate);
  return rel === '' || (!rel.startsWith('..' + path.sep) && rel !== '..' && !path.isAbsolute(rel));
}

function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
