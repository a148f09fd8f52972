// A small streaming ZIP writer (PKWARE APPNOTE 6.3, no ZIP64): each entry is compressed on
// its own, then written as local header + data; the central directory goes last. Every name carries the UTF-8 flag (bit 11) so Cyrillic names
// survive Windows Explorer and the importer, and every entry gets the same DOS timestamp so
// the same input always gives a byte-identical archive.
import * as zlib from 'node:zlib';

const LOCAL_HEADER_SIG = 0x04034b50;
const CENTRAL_HEADER_SIG = 0x02014b50;
const END_OF_CENTRAL_DIR_SIG = 0x06054b50;
const LOCAL_HEADER_SIZE = 30;
const CENTRAL_HEADER_SIZE = 46;
export const END_OF_CENTRAL_DIR_SIZE = 22;
const FLAG_UTF8 = 0x0800;
const METHOD_STORED = 0;
const METHOD_DEFLATED = 8;
/** Version 2.0: deflate. */
const VERSION = 20;
// "Made by" Unix (host 3): Info-ZIP unzip converts names from an MS-DOS host through the OEM
// code page even when bit 11 is set, which garbles Cyrillic; a Unix host keeps UTF-8 as is.
const MADE_BY = (3 << 8) | VERSION;
/** Unix mode in the upper half of the external attributes: a regular file, rw-r--r--. */
const EXTERNAL_ATTRIBUTES = (0o100644 << 16) >>> 0;
/** 1980-01-01 00:00:00, the earliest DOS date: fixed so repeated runs are byte-identical. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;
/** Without ZIP64, sizes and offsets are 32-bit and the entry count 16-bit. */
export const ZIP32_MAX_BYTES = 0xffffffff;
export const ZIP32_MAX_ENTRIES = 0xffff;

/** A limit of the plain (non-ZIP64) format was reached; `what` says which. */
export class ZipLimitError extends Error {
  constructor(
    readonly what: 'entry-size' | 'name-length',
    readonly entryName: string,
  ) {
    super(`ZIP limit exceeded (${what}): ${entryName}`);
    this.name = 'ZipLimitError';
  }
}

/** An entry compressed and ready to be written; its final size in an archive is known. */
export interface PreparedEntry {
  name: string;
  nameBytes: Buffer;
  method: typeof METHOD_STORED | typeof METHOD_DEFLATED;
  crc: number;
  size: number;
  data: Uint8Array;
}

/** Raw deflate of one entry's bytes. */
export type Compress = (bytes: Uint8Array, level: number) => Promise<Uint8Array>;

// Synchronous deflate by default, measured on 10,000 appeals (72 MB) on 2 cores: async zlib
// (a fresh zlib state and a thread-pool hand-off per file) cost 1.2 s more CPU, most of it
// system time, and a deflate worker thread 0.7 s more CPU and ~20 MB more memory, for no
// better wall time once the engine's checks share the cores. A file of ~7 KB takes ~0.15 ms.
const deflateSync: Compress = async (bytes, level) => zlib.deflateRawSync(bytes, { level });

/** Compress one file's bytes; stored instead when deflate would not make it smaller (as Info-ZIP does). */
export async function prepareEntry(
  name: string,
  bytes: Uint8Array,
  level = 6,
  compress: Compress = deflateSync,
): Promise<PreparedEntry> {
  const nameBytes = Buffer.from(name, 'utf8');
  if (nameBytes.length > 0xffff) throw new ZipLimitError('name-length', name);
  if (bytes.length > ZIP32_MAX_BYTES) throw new ZipLimitError('entry-size', name);
  const crc = crc32(bytes);
  const deflated = bytes.length === 0 ? undefined : await compress(bytes, level);
  if (deflated && deflated.length < bytes.length) {
    return { name, nameBytes, method: METHOD_DEFLATED, crc, size: bytes.length, data: deflated };
  }
  return { name, nameBytes, method: METHOD_STORED, crc, size: bytes.length, data: bytes };
}

/** Bytes an entry adds to an archive: local header, name, data and its central directory record. */
export function entryFootprint(entry: PreparedEntry): number {
  return LOCAL_HEADER_SIZE + CENTRAL_HEADER_SIZE + 2 * entry.nameBytes.length + entry.data.length;
}

/** The smallest archive holding just this entry. */
export function singleEntryArchiveSize(entry: PreparedEntry): number {
  return entryFootprint(entry) + END_OF_CENTRAL_DIR_SIZE;
}

/** Where the archive's bytes go; writes are awaited in order. */
export interface ByteSink {
  write(chunk: Uint8Array): Promise<void>;
}

interface CentralRecord {
  entry: Omit<PreparedEntry, 'data'> & { compressedSize: number };
  offset: number;
}

/** One archive being written: entries in the order given, then `finish()`. */
export class ZipWriter {
  private offset = 0;
  private centralSize = 0;
  private readonly records: CentralRecord[] = [];

  constructor(private readonly sink: ByteSink) {}

  get entryCount(): number {
    return this.records.length;
  }

  /** The size of the finished archive if it were finished now. */
  get projectedSize(): number {
    return this.offset + this.centralSize + END_OF_CENTRAL_DIR_SIZE;
  }

  /** The finished size with `entry` added, or undefined when the plain ZIP format cannot hold it. */
  sizeWith(entry: PreparedEntry): number | undefined {
    if (this.records.length + 1 > ZIP32_MAX_ENTRIES) return undefined;
    const size = this.projectedSize + entryFootprint(entry);
    // The central directory's offset is a 32-bit field too; the whole file stays under 4 GiB.
    return size > ZIP32_MAX_BYTES ? undefined : size;
  }

  async add(entry: PreparedEntry): Promise<void> {
    if (this.sizeWith(entry) === undefined) throw new ZipLimitError('entry-size', entry.name);
    const header = Buffer.alloc(LOCAL_HEADER_SIZE);
    header.writeUInt32LE(LOCAL_HEADER_SIG, 0);
    header.writeUInt16LE(VERSION, 4);
    header.writeUInt16LE(FLAG_UTF8, 6);
    header.writeUInt16LE(entry.method, 8);
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    header.writeUInt32LE(entry.crc, 14);
    header.writeUInt32LE(entry.data.length, 18);
    header.writeUInt32LE(entry.size, 22);
    header.writeUInt16LE(entry.nameBytes.length, 26);
    header.writeUInt16LE(0, 28); // no extra field: nothing that would vary between runs
    const { data, ...rest } = entry;
    this.records.push({ entry: { ...rest, compressedSize: data.length }, offset: this.offset });
    this.offset += header.length + entry.nameBytes.length + data.length;
    this.centralSize += CENTRAL_HEADER_SIZE + entry.nameBytes.length;
    await this.sink.write(header);
    await this.sink.write(entry.nameBytes);
    await this.sink.write(data);
  }

  /** Write the central directory and its end record; returns the archive's size in bytes. */
  async finish(): Promise<number> {
    const centralOffset = this.offset;
    for (const { entry, offset } of this.records) {
      const h = Buffer.alloc(CENTRAL_HEADER_SIZE);
      h.writeUInt32LE(CENTRAL_HEADER_SIG, 0);
      h.writeUInt16LE(MADE_BY, 4);
      h.writeUInt16LE(VERSION, 6); // needed to extract
      h.writeUInt16LE(FLAG_UTF8, 8);
      h.writeUInt16LE(entry.method, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(entry.crc, 16);
      h.writeUInt32LE(entry.compressedSize, 20);
      h.writeUInt32LE(entry.size, 24);
      h.writeUInt16LE(entry.nameBytes.length, 28);
      // extra length, comment length, disk number, internal attributes: all 0
      h.writeUInt32LE(EXTERNAL_ATTRIBUTES, 38);
      h.writeUInt32LE(offset, 42);
      await this.sink.write(h);
      await this.sink.write(entry.nameBytes);
    }
    const end = Buffer.alloc(END_OF_CENTRAL_DIR_SIZE);
    end.writeUInt32LE(END_OF_CENTRAL_DIR_SIG, 0);
    end.writeUInt16LE(this.records.length, 8);
    end.writeUInt16LE(this.records.length, 10);
    end.writeUInt32LE(this.centralSize, 12);
    end.writeUInt32LE(centralOffset, 16);
    await this.sink.write(end);
    return centralOffset + this.centralSize + END_OF_CENTRAL_DIR_SIZE;
  }
}

// zlib.crc32 arrived in Node 20.15; older Node 20 releases get the classic table version.
const nativeCrc32: ((data: Uint8Array) => number) | undefined = (zlib as { crc32?: (d: Uint8Array) => number }).crc32;
let table: Uint32Array | undefined;

export function crc32(bytes: Uint8Array): number {
  if (nativeCrc32) return nativeCrc32(bytes);
  table ??= makeCrcTable();
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = table[(c ^ bytes[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function makeCrcTable(): Uint32Array {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
}
