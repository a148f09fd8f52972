// A small ZIP reader on node:zlib (PKWARE APPNOTE 6.3): the central directory is the index,
// entries are stored or deflated. Archives come from strangers (a СЭД export, a colleague's
// upload), so the reader is defensive: entry names that would escape a folder are refused, and
// so are archives that would expand beyond sane limits (entry count, total size, compression
// ratio — zip bombs); the real inflated size is capped, not trusted from the header; CRC-32 is
// checked. Every refusal is a ZipError with a stable code for the l10n bundles.
import * as zlib from 'node:zlib';

export interface ZipLimits {
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
}

// The importer's archives are at most 100 MB (spec §2); JSON deflates about 5–20×.
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxEntries: 100_000,
  maxTotalSize: 2 * 1024 ** 3,
  maxEntrySize: 512 * 1024 ** 2,
  maxRatio: 200,
  ratioFloor: 1024 ** 2,
};

export type ZipErrorCode =
  | 'not-zip'
  | 'truncated'
  | 'multi-disk'
  | 'too-many-entries'
  | 'too-large'
  | 'entry-too-large'
  | 'ratio'
  | 'unsafe-name'
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
}

const SIG_EOCD = 0x06054b50;
const SIG_ZIP64_LOCATOR = 0x07064b50;
const SIG_ZIP64_EOCD = 0x06064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_UTF8 = 0x0800;

export class ZipReader {
  readonly entries: readonly ZipEntry[];

  private constructor(
    private readonly bytes: Buffer,
    private readonly limits: ZipLimits,
    entries: ZipEntry[],
  ) {
    this.entries = entries;
  }

  /** Reads the central directory and applies every archive-wide limit; throws ZipError. */
  static open(bytes: Uint8Array, limits: Partial<ZipLimits> = {}): ZipReader {
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const all = { ...DEFAULT_ZIP_LIMITS, ...limits };
    return new ZipReader(buf, all, readDirectory(buf, all));
  }

  /** The entry's content, inflated and CRC-checked; throws ZipError. */
  read(entry: ZipEntry): Buffer {
    if (entry.encrypted) throw new ZipError('encrypted', entry.name);
    if (entry.method !== 0 && entry.method !== 8)
      throw new ZipError('unsupported-method', entry.name, { method: entry.method });
    const b = this.bytes;
    const at = entry.localHeaderOffset;
    if (at + 30 > b.length || b.readUInt32LE(at) !== SIG_LOCAL) throw new ZipError('truncated', entry.name);
    const start = at + 30 + b.readUInt16LE(at + 26) + b.readUInt16LE(at + 28);
    const end = start + entry.compressedSize;
    if (end > b.length) throw new ZipError('truncated', entry.name);
    const raw = b.subarray(start, end);
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

function readDirectory(b: Buffer, limits: ZipLimits): ZipEntry[] {
  const eocd = findEndOfDirectory(b);
  let count = b.readUInt16LE(eocd + 10);
  let dirSize = b.readUInt32LE(eocd + 12);
  let dirOffset = b.readUInt32LE(eocd + 16);
  if (b.readUInt16LE(eocd + 4) !== 0 || b.readUInt16LE(eocd + 6) !== 0) throw new ZipError('multi-disk');
  const locator = eocd - 20;
  if (locator >= 0 && b.readUInt32LE(locator) === SIG_ZIP64_LOCATOR) {
    const at = safeNumber(b.readBigUInt64LE(locator + 8));
    if (at + 56 > b.length || b.readUInt32LE(at) !== SIG_ZIP64_EOCD) throw new ZipError('truncated');
    count = safeNumber(b.readBigUInt64LE(at + 32));
    dirSize = safeNumber(b.readBigUInt64LE(at + 40));
    dirOffset = safeNumber(b.readBigUInt64LE(at + 48));
  }
  if (count > limits.maxEntries) throw new ZipError('too-many-entries', undefined, { count, limit: limits.maxEntries });
  if (dirOffset + dirSize > b.length) throw new ZipError('truncated');

  const entries: ZipEntry[] = [];
  let total = 0;
  let p = dirOffset;
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
    };
    checkEntryLimits(entry, limits);
    total += entry.size;
    if (total > limits.maxTotalSize) throw new ZipError('too-large', undefined, { limit: limits.maxTotalSize });
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
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
