// The output side of packing: one or more archive parts written to temporary files beside
// the target and renamed only when everything succeeded, so a failure or a cancel never
// leaves a partial archive where the importer (or a clerk) could pick it up.
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { nodePackFs, type PackFs, type WritableFile } from './packFs';
import { tempPartPath } from './packTemp';
import { singleEntryArchiveSize, ZipWriter, type ByteSink, type PreparedEntry } from './zipWriter';

export { createNodePackFs, nodePackFs, type PackFs, type WritableFile } from './packFs';

/** A part that no longer fits anywhere: one entry alone is bigger than the limit. */
export class EntryTooLargeError extends Error {
  constructor(
    readonly entryName: string,
    readonly archiveBytes: number,
    readonly limitBytes: number,
  ) {
    super(`${entryName}: ${archiveBytes} bytes compressed, the limit is ${limitBytes}`);
    this.name = 'EntryTooLargeError';
  }
}

/**
 * Writing the archive failed (ENOSPC, EACCES, EROFS…): the problem is the output's, and the
 * message names the archive being written, not the folder being packed.
 */
export class PackOutputError extends Error {
  constructor(
    readonly output: string,
    readonly code: string,
    cause: unknown,
  ) {
    super(`${output}: ${code}`, { cause });
    this.name = 'PackOutputError';
  }
}

/** Runs one output operation; an errno failure becomes a PackOutputError naming `output`. */
async function onOutput<T>(output: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException | undefined)?.code;
    if (typeof code === 'string' && !(e instanceof PackOutputError)) throw new PackOutputError(output, code, e);
    throw e;
  }
}

export interface PartInfo {
  path: string;
  entries: number;
  bytes: number;
}

const WRITE_BUFFER = 1 << 20;

/**
 * Collects small writes (headers, names, small entries) into 1 MiB writes. It copies what it
 * keeps, so a caller may reuse its bytes as soon as `write` returns.
 */
class BufferedSink implements ByteSink {
  private readonly buffer = Buffer.allocUnsafeSlow(WRITE_BUFFER);
  private pending = 0;

  constructor(readonly file: WritableFile) {}

  async write(chunk: Uint8Array): Promise<void> {
    if (this.pending + chunk.length > WRITE_BUFFER) await this.flush();
    if (chunk.length >= WRITE_BUFFER) {
      await this.file.write(chunk);
      return;
    }
    this.buffer.set(chunk, this.pending);
    this.pending += chunk.length;
  }

  async flush(): Promise<void> {
    if (this.pending === 0) return;
    const used = this.pending;
    this.pending = 0;
    await this.file.write(this.buffer.subarray(0, used));
  }
}

interface OpenPart {
  temp: string;
  sink: BufferedSink;
  zip: ZipWriter;
  bytes: number;
}

/** `out.zip` → `out_1.zip`, `out_2.zip`, … (only when more than one part is needed). */
export function partPath(output: string, index: number): string {
  const ext = path.extname(output);
  return `${output.slice(0, output.length - ext.length)}_${index}${ext}`;
}

/** Writes entries into parts of at most `limitBytes` each (the finished, compressed size). */
export class SplitArchive {
  private readonly parts: OpenPart[] = [];
  private readonly token = `${process.pid}-${randomBytes(4).toString('hex')}`;

  constructor(
    private readonly output: string,
    private readonly limitBytes: number,
    private readonly fs: PackFs = nodePackFs,
  ) {}

  get partCount(): number {
    return this.parts.length;
  }

  async add(entry: PreparedEntry): Promise<void> {
    const alone = singleEntryArchiveSize(entry);
    if (alone > this.limitBytes) throw new EntryTooLargeError(entry.name, alone, this.limitBytes);
    let part = this.parts[this.parts.length - 1];
    const size = part?.zip.sizeWith(entry);
    if (!part || size === undefined || size > this.limitBytes) {
      if (part) await this.close(part);
      part = await this.open();
    }
    const open = part;
    await onOutput(this.output, () => open.zip.add(entry));
  }

  /** Finish every part and move them into place; returns where they went. */
  async commit(): Promise<PartInfo[]> {
    const last = this.parts[this.parts.length - 1];
    if (last) await this.close(last);
    const single = this.parts.length === 1;
    const placed: PartInfo[] = [];
    for (const [i, part] of this.parts.entries()) {
      const target = single ? this.output : partPath(this.output, i + 1);
      await onOutput(target, () => this.fs.rename(part.temp, target));
      placed.push({ path: target, entries: part.zip.entryCount, bytes: part.bytes });
    }
    this.parts.length = 0;
    return placed;
  }

  /** Remove every temporary file; safe to call after any failure. */
  async discard(): Promise<void> {
    const parts = this.parts.splice(0);
    for (const part of parts) {
      await part.sink.file.close().catch(() => undefined); // already closed, or the failure was the close
      await this.fs.unlink(part.temp).catch(() => undefined);
    }
  }

  private async open(): Promise<OpenPart> {
    const temp = tempPartPath(this.output, this.token, this.parts.length + 1);
    const file = await onOutput(this.output, () => this.fs.create(temp));
    const sink = new BufferedSink(file);
    const part: OpenPart = { temp, sink, zip: new ZipWriter(sink), bytes: 0 };
    this.parts.push(part);
    return part;
  }

  private async close(part: OpenPart): Promise<void> {
    await onOutput(this.output, async () => {
      part.bytes = await part.zip.finish();
      await part.sink.flush();
      await part.sink.file.close();
    });
  }
}
