// Hand-made ZIP bytes for the reader's and the CLI's tests: names with `..`, CP866 names
// without the UTF-8 flag, sizes that lie, broken CRCs — archives no well-behaved tool writes.
import * as zlib from 'node:zlib';

export interface RawEntry {
  /** A string is written as UTF-8 (with the flag unless `flags` says otherwise); bytes as they are. */
  name: string | Buffer;
  data: Buffer;
  method?: 0 | 8;
  flags?: number;
  /** Lie about the uncompressed size in both headers. */
  declaredSize?: number;
  /** Lie about the CRC. */
  crc?: number;
  /** The compressed bytes as written (instead of deflating `data`): hand-built deflate streams. */
  body?: Buffer;
  /** Another name in the local header than in the central directory. */
  localName?: string | Buffer;
  /** Point the central record at this local header offset (overlapping entries). */
  centralOffset?: number;
}

export function buildZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = typeof e.name === 'string' ? Buffer.from(e.name, 'utf8') : e.name;
    const flags = e.flags ?? (typeof e.name === 'string' ? 0x0800 : 0);
    const method = e.method ?? 8;
    const body = e.body ?? (method === 8 ? zlib.deflateRawSync(e.data) : e.data);
    const localName =
      e.localName === undefined
        ? name
        : typeof e.localName === 'string'
          ? Buffer.from(e.localName, 'utf8')
          : e.localName;
    const crc = e.crc ?? zlib.crc32(e.data);
    const size = e.declaredSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(body.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(localName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(flags, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(body.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(e.centralOffset ?? offset, 42);
    locals.push(local, localName, body);
    centrals.push(central, name);
    offset += 30 + localName.length + body.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}
