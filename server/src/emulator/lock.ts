// One emulator per data file: `<data>.lock` holds the owner's pid. Two instances on one file
// would overwrite each other's imports. A lock whose process is gone (killed) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import * as path from 'node:path';

export class DataLockedError extends Error {
  constructor(
    readonly file: string,
    readonly pid: number,
  ) {
    super(`${file} is in use by process ${pid}`);
  }
}

export interface DataLock {
  release(): void;
}

export function lockDataFile(dataFile: string): DataLock {
  const lockFile = `${dataFile}.lock`;
  mkdirSync(path.dirname(lockFile), { recursive: true }); // the state file is written there too
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(lockFile, 'wx');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(readSafe(lockFile).trim());
      if (Number.isInteger(pid) && pid > 0 && alive(pid)) throw new DataLockedError(dataFile, pid);
      try {
        unlinkSync(lockFile); // stale: its owner is gone
      } catch {
        // another starter took it over first: try again
      }
      continue;
    }
    writeSync(fd, String(process.pid));
    closeSync(fd);
    let released = false;
    return {
      release: () => {
        if (released) return;
        released = true;
        try {
          if (readSafe(lockFile).trim() === String(process.pid)) unlinkSync(lockFile);
        } catch {
          // already gone
        }
      },
    };
  }
  throw new DataLockedError(dataFile, 0);
}

function readSafe(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

function alive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
