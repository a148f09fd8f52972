// The work of `rro check`: expand the paths (files, folders, archives), check every document
// with the engine and collect per-file diagnostics. A path that cannot be read is collected
// separately: it makes the exit code 2 but never stops the other paths from being checked.
// A symlink out of a folder is only a note: not following it is the walker's policy.
import { closeSync, promises as fs, openSync, readFileSync, readSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { archiveFormat } from '../archive/archiveSignature';
import { ZipError, ZipReader } from '../archive/zipReader';
import { discover } from '../files/discover';
import { checkBytes, type CheckOptions } from '../engine';
import { message, bundleFor, type Lang } from '../l10n/messages';
import { escapeControl } from '../util/safeText';
import { UserError } from '../util/userError';
import { archiveDiagnostic, findingsToDiagnostics, type CheckedFile, type SeverityOverrides } from './diagnostics';

export interface RunInput {
  paths: readonly string[];
  cwd: string;
  lang: Lang;
  engine: CheckOptions;
  severities: SeverityOverrides;
  include?: readonly string[];
  exclude: readonly string[];
}

export interface RunResult {
  files: CheckedFile[];
  /** One-line reasons a path was not (fully) checked; any of them makes the exit code 2. */
  problems: string[];
  /** Notes that do not change the exit code (a symlink deliberately not followed). */
  notes: string[];
}

export async function runCheck(input: RunInput): Promise<RunResult> {
  const result: RunResult = { files: [], problems: [], notes: [] };
  const t = (key: string, args: Record<string, string>): string => message(key, args, input.lang);
  const seen = new Set<string>();

  // Every named path must exist before anything is checked: a typo is a usage error.
  const named: { display: string; absolute: string; isDir: boolean }[] = [];
  for (const display of input.paths) {
    const absolute = path.resolve(input.cwd, display);
    let stat: Stats;
    try {
      stat = await fs.stat(absolute);
    } catch (e) {
      const code = errnoCode(e);
      throw new UserError(
        code === 'ENOENT'
          ? t('check.notFound', { path: display })
          : t('check.unreadable', { path: display, reason: code }),
      );
    }
    // A FIFO or a device would block or never end: only files and folders are read.
    if (!stat.isDirectory() && !stat.isFile()) throw new UserError(t('check.notAFile', { path: display }));
    named.push({ display, absolute, isDir: stat.isDirectory() });
  }

  for (const n of named) {
    if (!n.isDir) {
      if (!seen.has(n.absolute)) checkFile(n.display, n.absolute, true, input, result);
      seen.add(n.absolute);
      continue;
    }
    const found = await discover(n.absolute, { include: input.include, exclude: input.exclude });
    for (const p of found.problems) {
      const shown = p.relative ? below(n.display, p.relative) : n.display;
      if (p.code === 'unreadable')
        result.problems.push(t('check.unreadable', { path: escapeControl(shown), reason: p.detail }));
      else result.notes.push(t(`check.skipped.${p.code}`, { path: escapeControl(shown) }));
    }
    for (const f of found.files) {
      if (seen.has(f.absolute)) continue;
      seen.add(f.absolute);
      checkFile(below(n.display, f.relative), f.absolute, false, input, result);
    }
  }
  return result;
}

/** A file under a folder, shown as the user typed the folder (`./exports/` stays `./exports/…`). */
function below(folder: string, relative: string): string {
  return folder + (/[\\/]$/.test(folder) ? '' : path.sep) + relative.split('/').join(path.sep);
}

function checkFile(display: string, absolute: string, named: boolean, input: RunInput, result: RunResult): void {
  let bytes: Buffer | undefined;
  try {
    // An archive is read at positions, never whole (archive/zipSource.ts); a `.json` file is
    // read whole at once (it is checked whole), the others by their first bytes first.
    // Synchronous on purpose: the CLI does one thing at a time, and for thousands of small
    // files the promise API's thread-pool round trips cost several times the reading itself.
    const json = absolute.toLowerCase().endsWith('.json');
    if (json || !isZip(firstBytes(absolute), absolute)) bytes = readFileSync(absolute);
  } catch (e) {
    result.problems.push(
      message('check.unreadable', { path: escapeControl(display), reason: errnoCode(e) }, input.lang),
    );
    return;
  }
  if (bytes === undefined) {
    try {
      result.files.push(...checkArchive(display, () => ZipReader.openFile(absolute), input));
    } catch (e) {
      if (e instanceof ZipError || typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
      result.problems.push(
        message('check.unreadable', { path: escapeControl(display), reason: errnoCode(e) }, input.lang),
      );
    }
    return;
  }
  const inMemory = bytes;
  if (isZip(inMemory, absolute)) result.files.push(...checkArchive(display, () => ZipReader.open(inMemory), input));
  else result.files.push(checkDocument(display, inMemory, named, input));
}

function firstBytes(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    const head = Buffer.alloc(4);
    return head.subarray(0, readSync(fd, head, 0, 4, 0));
  } finally {
    closeSync(fd);
  }
}

/**
 * A named file and every archive entry must be an РРО document; a walked file may be other
 * JSON, but one that is not JSON text or holds several appeals is an error (nothing hides).
 */
function checkDocument(display: string, bytes: Uint8Array, expectRro: boolean, input: RunInput): CheckedFile {
  const checked = checkBytes(bytes, { ...input.engine, expectRro, walked: !expectRro });
  return {
    path: display,
    kind: checked.kind,
    diagnostics: findingsToDiagnostics(checked.findings, checked.text, bundleFor(input.lang)),
  };
}

/** The importer needs no `.zip` extension (spec §2), so the signature decides too. */
function isZip(bytes: Uint8Array, file: string): boolean {
  const pk =
    bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5) && (bytes[3] === 4 || bytes[3] === 6);
  return pk || file.toLowerCase().endsWith('.zip');
}

function checkArchive(display: string, open: () => ZipReader, input: RunInput): CheckedFile[] {
  const bundle = bundleFor(input.lang);
  const refused = (
    code: string,
    args: Record<string, string | number>,
    entry?: string,
    severity?: 'warning',
  ): CheckedFile => {
    const d = archiveDiagnostic(code, args, bundle, input.severities, severity);
    return { path: entry === undefined ? display : `${display}!/${entry}`, kind: 'unknown', diagnostics: d ? [d] : [] };
  };
  let zip: ZipReader;
  try {
    zip = open();
  } catch (e) {
    if (!(e instanceof ZipError)) throw e;
    return [refused(e.code, zipArgs(e))];
  }
  const files: CheckedFile[] = [];
  try {
    for (const entry of zip.entries) {
      if (entry.isDirectory) continue;
      let data: Buffer;
      try {
        data = zip.read(entry);
      } catch (e) {
        if (!(e instanceof ZipError)) throw e;
        files.push(refused(e.code, zipArgs(e), entry.name));
        continue;
      }
      // The importer reads every entry as JSON: an archive in the archive is not "odd text".
      const format = archiveFormat(data);
      if (format) files.push(refused('nested-archive', { entry: escapeControl(entry.name), format }, entry.name));
      else files.push(checkDocument(`${display}!/${entry.name}`, data, true, input));
    }
  } finally {
    zip.close();
  }
  if (files.length === 0) files.push(refused('empty', {}, undefined, 'warning'));
  return files;
}

/** Sizes in the messages are in MB: the limits are hundreds of megabytes. */
function zipArgs(e: ZipError): Record<string, string | number> {
  const args: Record<string, string | number> = { ...e.args, entry: escapeControl(e.entry ?? '') };
  if (typeof e.args.local === 'string') args.local = escapeControl(e.args.local);
  for (const key of ['limit', 'size'] as const) {
    const v = e.args[key];
    if (typeof v === 'number' && e.code !== 'too-many-entries' && e.code !== 'ratio' && e.code !== 'total-ratio')
      args[key] = Math.round(v / 1024 / 1024);
  }
  return args;
}

function errnoCode(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === 'string' ? code : 'EIO';
}
