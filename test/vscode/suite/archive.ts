// Independent checks of a ZIP written by the extension: Info-ZIP's `unzip -t` and Python's
// zipfile (its own CRC check and the entry names, decoded as the importer would).
import { execFile } from 'node:child_process';

export interface ToolRun {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(cmd: string, args: string[]): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(cmd, args, { encoding: 'utf8', timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err ? (typeof err.code === 'number' ? err.code : 1) : 0;
      resolve({ code, stdout, stderr: stderr || (err && typeof err.code !== 'number' ? err.message : '') });
    });
  });
}

const PY_NAMES =
  'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nbad = z.testzip()\nassert bad is None, bad\nprint("\\n".join(z.namelist()))';

/** Entry names according to Python's zipfile, after it verified every CRC. */
export async function pythonZipNames(zip: string): Promise<string[]> {
  const r = await run('python3', ['-c', PY_NAMES, zip]);
  if (r.code !== 0) throw new Error(`python3 zipfile rejected ${zip}: ${r.stderr}`);
  return r.stdout.split('\n').filter((l) => l !== '');
}
