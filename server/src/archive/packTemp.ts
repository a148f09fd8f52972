// The temporary files a pack writes before it renames them into place: a name anyone can
// recognise (`appeals.zip.rro-pack-<pid>-<random>.part1.tmp`, beside the archive, not hidden),
// and the clean-up of those a killed pack left behind — they hold personal data. A temporary
// file is stale when the process that wrote it (the pid in its name) is gone on this machine.
import * as path from 'node:path';

const MARK = '.rro-pack-';

/** The temporary file of part `n` of `output` for the pack whose token is `<pid>-<random>`. */
export function tempPartPath(output: string, token: string, n: number): string {
  return path.join(path.dirname(output), `${path.basename(output)}${MARK}${token}.part${n}.tmp`);
}

/** The pid in a temporary name of `output`, or undefined for any other file. */
export function tempPartPid(output: string, file: string): number | undefined {
  const prefix = path.basename(output) + MARK;
  const name = path.basename(file);
  if (!name.startsWith(prefix)) return undefined;
  const m = /^(\d+)-[0-9a-f]+\.part\d+\.tmp$/.exec(name.slice(prefix.length));
  return m ? Number(m[1]) : undefined;
}

/** True unless the process certainly does not exist (EPERM: it exists, as someone else). */
export function processAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Remove the stale temporary files of `output`; returns their paths. */
export async function removeStaleTemps(
  output: string,
  list: (dir: string) => Promise<string[]>,
  unlink: (file: string) => Promise<void>,
  alive: (pid: number) => boolean = processAlive,
): Promise<string[]> {
  const dir = path.dirname(output);
  const removed: string[] = [];
  let names: string[];
  try {
    names = await list(dir);
  } catch {
    return removed; // an unlistable folder: the write that follows will say what is wrong
  }
  for (const name of names.sort()) {
    const pid = tempPartPid(output, name);
    if (pid === undefined || alive(pid)) continue;
    const file = path.join(dir, name);
    try {
      await unlink(file);
      removed.push(file);
    } catch {
      // gone meanwhile, or not ours to remove: nothing to report
    }
  }
  return removed;
}
