// Where a ZIP reader's bytes come from: a buffer already in memory, or a file read at
// positions (never whole), so checking a 100 MB archive costs the directory and one entry at a
// time, not the archive's size. Reads are synchronous: the check is one thing at a time.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

export interface ZipSource {
  readonly size: number;
  /**
   * `length` bytes at `position` (fewer at the end of the source). With `scratch`, the bytes
   * may live in a buffer that the next scratch read overwrites.
   */
  read(position: number, length: number, scratch?: boolean): Buffer;
  close(): void;
}

export function bufferSource(bytes: Uint8Array): ZipSource {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return {
    size: buf.length,
    read: (position, length) => buf.subarray(position, Math.min(buf.length, position + length)),
    close: () => undefined,
  };
}

/** A file opened for positioned reads; `close()` it when done. */
export function fileSource(file: string): ZipSource {
  const fd = openSync(file, 'r');
  let size: number;
  try {
    size = fstatSync(fd).size;
  } catch (e) {
    closeSync(fd);
    throw e;
  }
  let scratchBuffer = Buffer.alloc(0);
  let closed = false;
  return {
    size,
    read(position, length, scratch = false) {
      const want = Math.max(0, Math.min(length, size - position));
      let target: Buffer;
      if (scratch) {
        if (scratchBuffer.length < want) scratchBuffer = Buffer.allocUnsafeSlow(want);
        target = scratchBuffer.subarray(0, want);
      } else target = Buffer.allocUnsafe(want);
      let done = 0;
      while (done < want) {
        const n = readSync(fd, target, done, want - done, position + done);
        if (n === 0) break; // the file shrank under us: what is there
        done += n;
      }
      return target.subarray(0, done);
    },
    close() {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
}
