// Shared helpers of the archive tests: fixture folders on disk, and verification of every
// archive by two independent readers — Info-ZIP `unzip -t` and Python's `zipfile`.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const REPO = path.resolve(__dirname, '..', '..', '..');
export const VALID_FIXTURES = path.join(REPO, 'test', 'fixtures', 'valid');
export const TODAY = '2026-11-25';

export function tempDir(prefix: string): string {
  return mkdtempSync(path.join(tmpdir(), `rro-${prefix}-`));
}

export function writeFile(root: string, relative: string, content: string | Uint8Array): string {
  const file = path.join(root, ...relative.split('/'));
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
  return file;
}

export function validAppeal(): Record<string, unknown> {
  return JSON.parse(readFileSync(path.join(VALID_FIXTURES, 'answered.json'), 'utf8')) as Record<string, unknown>;
}

/** An appeal with a fresh number (so files differ), valid unless `broken` drops a required field. */
export function appealText(n: number, broken = false): string {
  const appeal = validAppeal();
  appeal.number = `Ж-2016-${String(n).padStart(5, '0')}`;
  if (broken) delete appeal.createDate;
  return JSON.stringify(appeal, null, 2);
}

/** Files in a folder (recursive, relative, sorted): what a failed pack must not leave behind. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const r = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(path.join(d, e.name), r);
      else out.push(r);
    }
  };
  walk(dir, '');
  return out.sort();
}

export function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

const PYTHON_CHECK = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({
        "bad": z.testzip(),
        "names": z.namelist(),
        "utf8": all(i.flag_bits & 0x800 for i in z.infolist()),
        "sizes": [i.file_size for i in z.infolist()],
        "sha256": [hashlib.sha256(z.read(i)).hexdigest() for i in z.infolist()],
        "stored": sum(1 for i in z.infolist() if i.compress_type == zipfile.ZIP_STORED),
    }, ensure_ascii=True))
`;

export interface VerifiedArchive {
  names: string[];
  sizes: number[];
  /** SHA-256 of every entry's content, as python extracted it. */
  sha256: string[];
  /** How many entries are stored rather than deflated. */
  stored: number;
}

/** Both readers must accept the archive, and agree on its entry names (decoded as UTF-8). */
export function verifyArchive(file: string): VerifiedArchive {
  const unzip = spawnSync('unzip', ['-t', file], { encoding: 'utf8' });
  assert.equal(unzip.status, 0, `unzip -t ${file}: ${unzip.stdout}${unzip.stderr}`);
  assert.match(unzip.stdout, /No errors detected/);
  const listed = spawnSync('unzip', ['-Z1', file], { encoding: 'utf8', env: { ...process.env, LC_ALL: 'C.UTF-8' } });
  assert.equal(listed.status, 0, listed.stderr);
  const py = spawnSync('python3', ['-c', PYTHON_CHECK, file], { encoding: 'utf8' });
  assert.equal(py.status, 0, py.stderr);
  const report = JSON.parse(py.stdout) as VerifiedArchive & { bad: string | null; utf8: boolean };
  assert.equal(report.bad, null, `python zipfile: bad entry ${report.bad}`);
  assert.equal(report.utf8, true, 'every entry carries the UTF-8 flag');
  assert.deepEqual(
    listed.stdout.split('\n').filter((l) => l !== ''),
    report.names,
    'unzip and python read the same names',
  );
  return { names: report.names, sizes: report.sizes, sha256: report.sha256, stored: report.stored };
}
