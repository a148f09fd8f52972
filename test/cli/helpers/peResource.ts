// Just enough of the PE/COFF format to find a named RCDATA resource in a Windows x64 executable:
// DOS header → PE header (machine, PE32+) → resource directory (type → name → language → data).
// Used to check the Windows SEA binary without running it.

export interface PeImage {
  machine: number;
  /** 0x20b for PE32+. */
  magic: number;
}

const RT_RCDATA = 10;

function sections(buf: Buffer, pe: number): { rva: number; size: number; raw: number }[] {
  const count = buf.readUInt16LE(pe + 6);
  const optSize = buf.readUInt16LE(pe + 20);
  const table = pe + 24 + optSize;
  return Array.from({ length: count }, (_, i) => {
    const s = table + i * 40;
    return { rva: buf.readUInt32LE(s + 12), size: buf.readUInt32LE(s + 8), raw: buf.readUInt32LE(s + 20) };
  });
}

export function peHeader(buf: Buffer): PeImage & { pe: number } {
  if (buf.toString('latin1', 0, 2) !== 'MZ') throw new Error('no MZ header');
  const pe = buf.readUInt32LE(0x3c);
  if (buf.toString('latin1', pe, pe + 4) !== 'PE\0\0') throw new Error('no PE signature');
  return { pe, machine: buf.readUInt16LE(pe + 4), magic: buf.readUInt16LE(pe + 24) };
}

/** The bytes of resource type RCDATA named `name` (first language), or undefined. */
export function rcdataResource(buf: Buffer, name: string): Buffer | undefined {
  const { pe, magic } = peHeader(buf);
  const dirs = pe + 24 + (magic === 0x20b ? 112 : 96);
  const rsrcRva = buf.readUInt32LE(dirs + 2 * 8);
  if (rsrcRva === 0) return undefined;
  const secs = sections(buf, pe);
  const toOffset = (rva: number): number => {
    const s = secs.find((x) => rva >= x.rva && rva < x.rva + Math.max(x.size, 1));
    if (!s) throw new Error(`RVA ${rva} in no section`);
    return rva - s.rva + s.raw;
  };
  const base = toOffset(rsrcRva);
  const entries = (dir: number): { id: number | string; target: number; isDir: boolean }[] => {
    const named = buf.readUInt16LE(dir + 12);
    const ids = buf.readUInt16LE(dir + 14);
    return Array.from({ length: named + ids }, (_, i) => {
      const e = dir + 16 + i * 8;
      const nameField = buf.readUInt32LE(e);
      const target = buf.readUInt32LE(e + 4);
      let id: number | string = nameField & 0xffff;
      if (nameField & 0x80000000) {
        const at = base + (nameField & 0x7fffffff);
        id = buf.toString('utf16le', at + 2, at + 2 + buf.readUInt16LE(at) * 2);
      }
      return { id, target: base + (target & 0x7fffffff), isDir: (target & 0x80000000) !== 0 };
    });
  };
  const type = entries(base).find((e) => e.id === RT_RCDATA && e.isDir);
  const named = type && entries(type.target).find((e) => e.id === name && e.isDir);
  const lang = named && entries(named.target)[0];
  if (!lang || lang.isDir) return undefined;
  const dataRva = buf.readUInt32LE(lang.target);
  const size = buf.readUInt32LE(lang.target + 4);
  const at = toOffset(dataRva);
  return buf.subarray(at, at + size);
}
