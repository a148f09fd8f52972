// Fault injection for the archive tests: the real file system, except that one chosen
// operation fails the way a disk does (EIO on a read, ENOSPC on creating a part).
import * as path from 'node:path';
import { nodePackFs, type PackFs } from '../../server/src/archive/packParts';

export interface Faults {
  /** Reading a file with this base name fails with EIO. */
  failRead?: string;
  /** Creating the n-th output file (1-based) fails with ENOSPC. */
  failCreate?: number;
  /** The n-th write to an output file (1-based) fails with ENOSPC, without a path (as a full disk does). */
  failWrite?: number;
}

function errno(code: string, file?: string): NodeJS.ErrnoException {
  const e: NodeJS.ErrnoException = new Error(`${code}: injected failure${file ? `, ${file}` : ''}`);
  e.code = code;
  if (file !== undefined) e.path = file;
  return e;
}

export function faultyFs(faults: Faults): PackFs {
  let created = 0;
  let written = 0;
  return {
    ...nodePackFs,
    async readFile(file) {
      if (path.basename(file) === faults.failRead) throw errno('EIO', file);
      return nodePackFs.readFile(file);
    },
    async create(file) {
      if (++created === faults.failCreate) throw errno('ENOSPC', file);
      const real = await nodePackFs.create(file);
      return {
        write: async (chunk) => {
          if (++written === faults.failWrite) throw errno('ENOSPC');
          return real.write(chunk);
        },
        close: () => real.close(),
      };
    },
  };
}
