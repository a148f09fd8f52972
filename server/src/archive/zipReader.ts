// A small ZIP reader on node:zlib (PKWARE APPNOTE 6.3): the central directory is the index,
// entries are stored or deflated. Archives come from strangers (a СЭД export, a colleague's
// upload), so the reader is defensive: entry names that would escape a folder are refused, and
// so are archives that would expand beyond sane limits (entry count, total size, compression
// ratio — zip bombs), local headers whose name differs from the directory's, and entries that
// share bytes; the real inflated size is capped, not trusted from the header; CRC-32 is checked.
// Every refusal is a ZipError with a stable code for the l10n bundles.
//
// Cost, for any input: the archive is read at positions (`openFile`), never whole; memory is
// the central directory plus one entry at a time — its compressed bytes and at most
// `maxEntrySize` inflated (32 MiB); time is bounded by `maxTotalSize` and the ratios, so it is
// roughly linear in the compressed size. docs/architecture.md «ZIP reader and writer» has the
// measured figures.
import * as zlib from 'node:zlib';
import { bufferSource, fileSource, type ZipSource } from './zipSource';

export interface ZipLimits {
  /** The archive file itself, bytes. */
  maxArchiveSize: number;
  /** Entries in one archive. */
  maxEntries: number;
  /** Sum of the uncompressed sizes of all entries, bytes. */
  maxTotalSize: number;
  /** Uncompressed size of one entry, bytes. */
  maxEntrySize: number;
  /** Uncompressed / compressed, for entries larger than `ratioFloor`. */
  maxRatio: number;
  /** Entries up to this size may have any ratio (a small file of spaces packs 1000:1). */
  ratioFloor: number;
  /** Sum of uncompressed sizes / archive size, once the sum is beyond `totalRatioFloor`. */
  maxTotalRatio: number;
  totalRatioFloor: number;
}

const MiB = 1024 ** 2;

// Derived from what the importer takes: archives of at most 100 MB (spec §2; read as MiB, the
// larger reading, so nothing the importer takes is refused). One file holds one appeal; its
// attachment travels inside it in Base64 (§4), and 32 MiB holds an attachment of ~23 MiB, twice
// what the engine already calls large (LARGE_ATTACHMENT_MB). JSON deflates 5–20×: 1 GiB and
// 50:1 overall leave room for any real export and bound the time of a check.
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxArchiveSize: 100 * MiB,
  maxEntries: 100_000,
  maxTotalSize: 1024 * MiB,
  maxEntrySize: 32 * MiB,
  maxRatio: 200,
  ratioFloor: MiB,
  maxTotalRatio: 50,
  totalRatioFloor: 64 * MiB,
};

export type ZipErrorCode =
  | 'not-zip'
  | 'truncated'
  | 'multi-disk'
  | 'archive-too-large'
  | 'too-many-entries'
  | 'too-large'
  | 'total-ratio'
  | 'entry-too-large'
  | 'ratio'
  | 'unsafe-name'
  | 'name-mismatch'
  | 'overlap'
  | 'encrypted'
  | 'unsupported-method'
  | 'size-mismatch'
  | 'corrupt-data'
  | 'crc';

export class ZipError extends Error {
  constructor(
    readonly code: ZipErrorCode,
    /** The entry concerned, if any (its decoded name). */
    readonly entry?: string,
    readonly args: Readonly<Record<string, string | number>> = {},
  ) {
    super(`zip: ${code}${entry !== undefined ? ` (${entry})` : ''}`);
    this.name = 'ZipError';
  }
}

export interface ZipEntry {
  /** Decoded name, as in the archive (`folder/file.json`). */
  name: string;
  /** How the name was decoded: the UTF-8 flag (or Info-ZIP Unicode path), or the CP866 fallback. */
  nameEncoding: 'utf-8' | 'ibm866';
  isDirectory: boolean;
  /** 0 stored, 8 deflated; anything else cannot be read. */
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  crc32: number;
  localHeaderOffset: number;
  /** Where the entry's data begins (after its local header). */
  dataOffset: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;

export class ZipReader {
  readonly entries: readonly ZipEntry[];

  private constructor(
    private readonly source: ZipSource,
    private readonly limits: ZipLimits,
    entries: ZipEntry[],
  ) {
    this.entries = entries;
  }

  /** Reads the central directory and applies every archive-wide limit; throws ZipError. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipReader {
    return ZipReader.from(bufferSource(bytes), limits);
  }

  /** The same for a file, read at positions and never whole; `close()` the reader when done. */
  static openFile(file: string, limits: Partial<ZipLimits> = {}): ZipReader {
    return ZipReader.from(fileSource(file), limits);
  }

  private static from(source: ZipSource, limits: Partial<ZipLimits>): ZipReader {
    const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
    try {
      return new ZipReader(source, all, readDirectory(source, all));
    } catch (e) {
      source.close();
      throw e;
    }
  }

  close(): void {
    this.source.close();
  }

  /** The entry's content, inflated and CRC-checked; throws ZipError. */
  read(entry: ZipEntry): Buffer {
    if (entry.encrypted) throw new ZipError('encrypted', entry.name);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError('unsupported-method', entry.name, { method: entry.method });
    // Deflated bytes go to a reused buffer: only the inflated copy leaves this function.
    const raw = this.source.read(entry.dataOffset, entry.compressedSize, entry.method === 8);
    if (raw.length < entry.compressedSize) throw new ZipError('truncated', entry.name);
    let data: Buffer;
    if (entry.method === 0) data = raw;
    else {
      try {
        // The header's size may lie: inflate at most one byte more than it claims.
        data = zlib.inflateRawSync(raw, { maxOutputLength: Math.min(entry.size, this.limits.maxEntrySize) + 1 });
      } catch (e) {
        const tooBig = (e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
        throw new ZipError(tooBig ? 'size-mismatch' : 'corrupt-data', entry.name, { size: entry.size });
      }
    }
    if (data.length !== entry.size) throw new ZipError('size-mismatch', entry.name, { size: entry.size });
    if (crc32(data) !== entry.crc32) throw new ZipError('crc', entry.name);
    return data;
  }
}

function readDirectory(src: ZipSource, limits: ZipLimits): ZipEntry[] {
  if (src.size > limits.maxArchiveSize)
    throw new ZipError('archive-too-large', undefined, { size: src.size, limit: limits.maxArchiveSize });
  const tailStart = Math.max(0, src.size - 22 - 0xffff - 20);
  const tail = src.read(tailStart, src.size - tailStart);
  const e = findEndOfDirectory(tail);
  let count = tail.readUInt16LE(e + 10);
  let dirSize = tail.readUInt32LE(e + 12);
  let dirOffset = tail.readUInt32LE(e + 16);
  if (tail.readUInt16LE(e + 4) !== 0 || tail.readUInt16LE(e + 6) !== 0) throw new ZipError('multi-disk');
  const locator = e - 20;
  if (locator >= 0 && tail.readUInt32LE(locator) === SIG_ZIP64_LOCATOR) {
    const at = safeNumber(tail.readBigUInt64LE(locator + 8));
    const z = src.read(at, 56);
    if (z.length < 56 || z.readUInt32LE(0) !== SIG_ZIP64_EOCD) throw new ZipError('truncated');
    count = safeNumber(z.readBigUInt64LE(32));
    dirSize = safeNumber(z.readBigUInt64LE(40));
    dirOffset = safeNumber(z.readBigUInt64LE(48));
  }
  if (count > limits.maxEntries) throw new ZipError('too-many-entries', undefined, { count, limit: limits.maxEntries });
  if (dirOffset + dirSize > src.size) throw new ZipError('truncated');
  const b = src.read(dirOffset, dirSize);

  const entries: ZipEntry[] = [];
  const rawNames: Buffer[] = [];
  let total = 0;
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > b.length || b.readUInt32LE(p) !== SIG_CENTRAL) throw new ZipError('truncated');
    const nameLen = b.readUInt16LE(p + 28);
    const extraLen = b.readUInt16LE(p + 30);
    const commentLen = b.readUInt16LE(p + 32);
    if (p + 46 + nameLen + extraLen > b.length) throw new ZipError('truncated');
    const flags = b.readUInt16LE(p + 8);
    const rawName = b.subarray(p + 46, p + 46 + nameLen);
    const extra = b.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen);
    const sizes = applyZip64(extra, {
      compressedSize: b.readUInt32LE(p + 20),
      size: b.readUInt32LE(p + 24),
      localHeaderOffset: b.readUInt32LE(p + 42),
    });
    const { name, nameEncoding } = decodeName(rawName, flags, extra);
    if (isUnsafeName(name)) throw new ZipError('unsafe-name', name);
    const entry: ZipEntry = {
      name,
      nameEncoding,
      isDirectory: name.endsWith('/') || name.endsWith('\\'),
      method: b.readUInt16LE(p + 10),
      encrypted: (flags & FLAG_ENCRYPTED) !== 0,
      crc32: b.readUInt32LE(p + 16),
      ...sizes,
      dataOffset: 0,
    };
    checkEntryLimits(entry, limits);
    total += entry.size;
    if (total > limits.maxTotalSize) throw new ZipError('too-large', undefined, { limit: limits.maxTotalSize });
    entries.push(entry);
    rawNames.push(rawName);
    p += 46 + nameLen + extraLen + commentLen;
  }
  if (total > limits.totalRatioFloor && total / Math.max(src.size, 1) > limits.maxTotalRatio) {
    const ratio = Math.round(total / Math.max(src.size, 1));
    throw new ZipError('total-ratio', undefined, { ratio, limit: limits.maxTotalRatio });
  }
  checkLocalHeaders(src, entries, rawNames, dirOffset);
  return entries;
}

/**
 * Every local header must carry the directory's name (a tool that reads local headers would
 * otherwise unpack something else, e.g. `../../evil.json`), and no two entries may share bytes
 * (overlapping entries are how the smallest zip bombs are built), nor run into the directory.
 */
function checkLocalHeaders(src: ZipSource, entries: ZipEntry[], rawNames: readonly Buffer[], dirOffset: number): void {
  const spans: { start: number; end: number; entry: ZipEntry }[] = [];
  for (const [i, entry] of entries.entries()) {
    const expected = rawNames[i];
    const at = entry.localHeaderOffset;
    const h = src.read(at, 30 + expected.length);
    if (h.length < 30 || h.readUInt32LE(0) !== SIG_LOCAL) throw new ZipError('truncated', entry.name);
    const nameLen = h.readUInt16LE(26);
    const localName = h.subarray(30, 30 + nameLen);
    if (nameLen !== expected.length || !localName.equals(expected)) {
      const local = src.read(at + 30, nameLen);
      throw new ZipError('name-mismatch', entry.name, {
        local: decodeName(local, h.readUInt16LE(6), Buffer.alloc(0)).name,
      });
    }
    entry.dataOffset = at + 30 + nameLen + h.readUInt16LE(28);
    // A data descriptor (12 bytes at least) follows the data when bit 3 is set.
    const descriptor = h.readUInt16LE(6) & FLAG_DATA_DESCRIPTOR ? 12 : 0;
    const end = entry.dataOffset + entry.compressedSize + descriptor;
    if (end > src.size) throw new ZipError('truncated', entry.name);
    spans.push({ start: at, end, entry });
  }
  spans.sort((a, b) => a.start - b.start);
  for (let i = 0; i < spans.length; i++) {
    const next = spans[i + 1];
    if ((next && spans[i].end > next.start) || spans[i].end > dirOffset)
      throw new ZipError('overlap', spans[i].entry.name);
  }
}

function checkEntryLimits(entry: ZipEntry, limits: ZipLimits): void {
  if (entry.size > limits.maxEntrySize)
    throw new ZipError('entry-too-large', entry.name, { size: entry.size, limit: limits.maxEntrySize });
  if (entry.size > limits.ratioFloor) {
    const ratio = entry.size / Math.max(entry.compressedSize, 1);
    if (ratio > limits.maxRatio)
      throw new ZipError('ratio', entry.name, { ratio: Math.round(ratio), limit: limits.maxRatio });
  }
}

/** The end-of-central-directory record is within the last 64 KiB + 22 bytes (its comment). */
function findEndOfDirectory(b: Buffer): number {
  if (b.length < 22) throw new ZipError('not-zip');
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b.readUInt32LE(i) === SIG_EOCD && i + 22 + b.readUInt16LE(i + 20) <= b.length) return i;
  }
  throw new ZipError('not-zip');
}

interface Sizes {
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

/** ZIP64 extended information (0x0001): 64-bit values for the fields saturated at 0xFFFFFFFF. */
function applyZip64(extra: Buffer, sizes: Sizes): Sizes {
  const field = findExtra(extra, 0x0001);
  if (!field) return sizes;
  const out = { ...sizes };
  let q = 0;
  for (const key of ['size', 'compressedSize', 'localHeaderOffset'] as const) {
    if (sizes[key] !== 0xffffffff) continue;
    if (q + 8 > field.length) throw new ZipError('truncated');
    out[key] = safeNumber(field.readBigUInt64LE(q));
    q += 8;
  }
  return out;
}

function findExtra(extra: Buffer, id: number): Buffer | undefined {
  for (let q = 0; q + 4 <= extra.length;) {
    const len = extra.readUInt16LE(q + 2);
    if (extra.readUInt16LE(q) === id) return extra.subarray(q + 4, Math.min(q + 4 + len, extra.length));
    q += 4 + len;
  }
  return undefined;
}

/**
 * Names: the UTF-8 flag; else the Info-ZIP Unicode Path field (0x7075) when its CRC matches;
 * else valid UTF-8 as macOS writes it without the flag; else CP866, what Windows Explorer
 * writes on a Russian system.
 */
function decodeName(raw: Buffer, flags: number, extra: Buffer): Pick<ZipEntry, 'name' | 'nameEncoding'> {
  if (flags & FLAG_UTF8) return { name: raw.toString('utf8'), nameEncoding: 'utf-8' };
  const unicode = findExtra(extra, 0x7075);
  if (unicode && unicode.length > 5 && unicode[0] === 1 && unicode.readUInt32LE(1) === crc32(raw)) {
    return { name: unicode.subarray(5).toString('utf8'), nameEncoding: 'utf-8' };
  }
  try {
    return { name: new TextDecoder('utf-8', { fatal: true }).decode(raw), nameEncoding: 'utf-8' };
  } catch {
    return { name: new TextDecoder('ibm866').decode(raw), nameEncoding: 'ibm866' };
  }
}

/** A name an extracting tool would write outside its target folder, or cannot write at all. */
export function isUnsafeName(name: string): boolean {
  if (name === '' || name.includes('\0')) return true;
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return true;
  return name.split(/[/\\]/).some((segment) => segment === '..');
}

function safeNumber(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER))
    throw new ZipError('too-large', undefined, { limit: Number.MAX_SAFE_INTEGER });
  return Number(v);
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE 802.3), as ZIP stores it; zlib's own where Node has it (20.15+). */
export function crc32(data: Uint8Array): number {
  if (typeof zlib.crc32 === 'function') return zlib.crc32(data) >>> 0;
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = table[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}
