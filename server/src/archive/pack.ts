// Pack a folder into ZIP archives the importer accepts (spec §2): the appeals and null
// reports under it, checked by the engine (the gate), in sorted order, split into parts
// under the size limit, written atomically. Plain Node with injected file I/O; the CLI and
// the VS Code command are thin doors onto `packFolder`.
import { checkBytes, type BytesCheck, type CheckOptions } from '../engine';
import { DEFAULT_ARCHIVE_LIMIT_MB } from '../format/table';
import { createNodePackFs, partPath, SplitArchive, type PackFs, type PartInfo } from './packParts';
import {
  judge,
  selectFiles,
  type Candidate,
  type FileWithErrors,
  type LeftOut,
  type SelectOptions,
} from './packSelect';
import { removeStaleTemps } from './packTemp';
import { prepareEntry, type PreparedEntry } from './zipWriter';

export { EntryTooLargeError, PackOutputError, partPath, type PackFs, type PartInfo } from './packParts';
export { FolderError, type FileWithErrors, type LeftOut, type LeftOutReason, type PlacedError } from './packSelect';

/** What to do when files have errors: refuse to pack, leave those files out, or pack them anyway. */
export type ErrorPolicy = 'refuse' | 'only-valid' | 'allow';

/** A megabyte is read as 1,000,000 bytes: the smaller reading, so a part fits either way. */
export const BYTES_PER_MB = 1_000_000;
export const DEFAULT_LIMIT_BYTES = DEFAULT_ARCHIVE_LIMIT_MB * BYTES_PER_MB;

export interface PackProgress {
  /** Files handled so far (checked, and written or left out), of `total`. */
  done: number;
  total: number;
  /** The file just handled (relative path). */
  file: string;
  /** Compressed bytes written so far. */
  archiveBytes: number;
}

export interface PackOptions extends SelectOptions {
  /** The archive to write; parts become `<name>_1.zip`, `<name>_2.zip`, … */
  output: string;
  errors: ErrorPolicy;
  check: CheckOptions;
  /** Upper bound of one archive's compressed size; default 100 MB (spec §2). */
  limitBytes?: number;
  /** Deflate level 0–9; default 6, as Info-ZIP's. */
  level?: number;
  /** Files in flight at once: reads of an asynchronous `fs` overlap checking and writing. */
  concurrency?: number;
  signal?: AbortSignal;
  onProgress?: (progress: PackProgress) => void;
  fs?: PackFs;
}

export interface PackResult {
  /** `packed`; `refused` (errors under the `refuse` policy); `empty` (nothing to pack). */
  status: 'packed' | 'refused' | 'empty';
  parts: PartInfo[];
  /** Entries written (relative paths, in archive order). */
  packed: string[];
  leftOut: LeftOut[];
  /** Files with errors: packed under `allow`, left out under `only-valid`, the reason for `refused`. */
  withErrors: FileWithErrors[];
  /** Archives of an earlier run beside the output that this run did not replace (not deleted: they are the user's). */
  staleParts: string[];
  /** Temporary files of a killed earlier pack of the same output, removed (they hold personal data). */
  removedTemps: string[];
  /** Files left out because they are another name of a file packed (hard link, symlink). */
  sameFiles: number;
  /** Uncompressed bytes of the packed files, and the archives' total size. */
  inputBytes: number;
  archiveBytes: number;
  durationMs: number;
}

type Processed =
  | { kind: 'entry'; candidate: Candidate; entry: PreparedEntry; errors?: FileWithErrors }
  | { kind: 'out'; candidate: Candidate; leftOut?: LeftOut; errors?: FileWithErrors };

export async function packFolder(folder: string, options: PackOptions): Promise<PackResult> {
  const started = performance.now();
  const fs = options.fs ?? createNodePackFs();
  throwIfAborted(options.signal);
  const { candidates, leftOut } = await selectFiles(folder, options);
  const result: PackResult = {
    status: 'packed',
    parts: [],
    packed: [],
    leftOut,
    withErrors: [],
    staleParts: [],
    removedTemps: [],
    sameFiles: leftOut.filter((l) => l.reason === 'same-file').length,
    inputBytes: 0,
    archiveBytes: 0,
    durationMs: 0,
  };
  if (fs.list) {
    const list = fs.list.bind(fs);
    result.removedTemps = await removeStaleTemps(options.output, list, (f) => fs.unlink(f));
  }
  const archive = new SplitArchive(options.output, options.limitBytes ?? DEFAULT_LIMIT_BYTES, fs);
  const level = options.level ?? 6;
  let refused = false;

  // The bytes go back to the pool as soon as nothing refers to them: after the check for a
  // file left out, after deflate for a compressed entry, after writing for a stored one.
  const handle = async (candidate: Candidate): Promise<Processed> => {
    throwIfAborted(options.signal);
    const bytes = await fs.readFile(candidate.absolute);
    const verdict = judge(candidate.path, checkOrExplain(candidate.path, bytes, options.check));
    const errors = verdict.kind === 'errors' ? verdict.file : undefined;
    if (errors && options.errors === 'refuse') refused = true;
    let out: Processed | undefined;
    if (verdict.kind === 'left-out')
      out = { kind: 'out', candidate, leftOut: { path: candidate.path, reason: verdict.reason, detail: '' } };
    else if (errors && options.errors === 'only-valid') {
      const detail = [...new Set(errors.errors.map((e) => e.rule))].join(', '); // why, by rule id
      out = { kind: 'out', candidate, errors, leftOut: { path: candidate.path, reason: 'has-errors', detail } };
    } else if (refused) out = { kind: 'out', candidate, errors }; // no archive will be written: skip the compression
    if (out) {
      fs.release?.(bytes);
      return out;
    }
    const entry = await prepareEntry(candidate.path, bytes, level);
    if (entry.data !== bytes) fs.release?.(bytes);
    return { kind: 'entry', candidate, errors, entry };
  };

  const window = new OrderedWindow(candidates, handle, Math.max(1, options.concurrency ?? 2));
  try {
    let lastYield = performance.now();
    for (let i = 0; i < candidates.length; i++) {
      const done = await window.next();
      // Reading, checking and deflating are synchronous: let timers, signals, a cancel and
      // the editor's own work run at least every 20 ms.
      if (performance.now() - lastYield > 20) {
        await new Promise((resolve) => setImmediate(resolve));
        lastYield = performance.now();
      }
      throwIfAborted(options.signal);
      if (done.errors) result.withErrors.push(done.errors);
      if (done.kind === 'out' && done.leftOut) result.leftOut.push(done.leftOut);
      if (done.kind === 'entry' && !refused) {
        await archive.add(done.entry);
        fs.release?.(done.entry.data);
        result.packed.push(done.candidate.path);
        result.inputBytes += done.entry.size;
        result.archiveBytes += done.entry.data.length;
      }
      options.onProgress?.({
        done: i + 1,
        total: candidates.length,
        file: done.candidate.path,
        archiveBytes: result.archiveBytes,
      });
    }
    if (refused || result.packed.length === 0) {
      await archive.discard();
      result.status = refused ? 'refused' : 'empty';
      result.packed = [];
      result.inputBytes = result.archiveBytes = 0;
    } else {
      result.parts = await archive.commit();
      result.archiveBytes = result.parts.reduce((sum, p) => sum + p.bytes, 0);
      result.staleParts = await staleParts(options.output, result.parts.length, (f) => fs.exists(f));
    }
  } catch (e) {
    await window.settle(); // nothing may still be reading or compressing when we return
    await archive.discard();
    throw e;
  }
  result.leftOut.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  result.durationMs = Math.round(performance.now() - started);
  return result;
}

/** The engine cannot take this file at all (e.g. text beyond what a JS string can hold). */
export class FileCheckError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'FileCheckError';
  }
}

function checkOrExplain(file: string, bytes: Uint8Array, check: CheckOptions): BytesCheck {
  try {
    return checkBytes(bytes, { ...check, expectRro: false, walked: true });
  } catch (e) {
    throw new FileCheckError(file, e instanceof Error ? e.message : String(e));
  }
}

/** Older `<name>_N` parts a previous run left beside the output, which this run did not replace. */
async function staleParts(
  output: string,
  written: number,
  exists: (file: string) => Promise<boolean>,
): Promise<string[]> {
  const stale: string[] = [];
  for (let n = written === 1 ? 1 : written + 1; await exists(partPath(output, n)); n++) stale.push(partPath(output, n));
  if (written > 1 && (await exists(output))) stale.unshift(output);
  return stale;
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted)
    throw signal.reason instanceof Error ? signal.reason : new DOMException('Packing was cancelled', 'AbortError');
}

/** True for the error a cancelled pack throws (whatever reason the caller aborted with). */
export function isAbort(e: unknown): boolean {
  return e instanceof Error && e.name === 'AbortError';
}

/**
 * Runs `work` on up to `size` items ahead of the one being consumed, and hands results back
 * in input order: reading and compression overlap while the archive stays sorted.
 */
class OrderedWindow<T, R> {
  private readonly running: (Promise<R> | undefined)[] = [];
  private started = 0;
  private consumed = 0;

  constructor(
    private readonly items: readonly T[],
    private readonly work: (item: T) => Promise<R>,
    private readonly size: number,
  ) {}

  async next(): Promise<R> {
    while (this.started < this.items.length && this.started < this.consumed + this.size) {
      const p = this.work(this.items[this.started]);
      p.catch(() => undefined); // rejections are seen when consumed, or dropped by settle()
      this.running[this.started++] = p;
    }
    const p = this.running[this.consumed]!;
    this.running[this.consumed++] = undefined;
    return p;
  }

  async settle(): Promise<void> {
    await Promise.allSettled(this.running.filter((p): p is Promise<R> => p !== undefined));
  }
}
