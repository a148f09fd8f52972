import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { discover } from '../../server/src/files/discover';
import { makeTempDir } from '../tempDir';

let root: string;
let outside: string;

before(() => {
  const base = makeTempDir('rro-discover-');
  root = path.join(base, 'root');
  outside = path.join(base, 'outside');
  for (const dir of ['b/deep', 'a', 'node_modules/pkg', 'Папка']) mkdirSync(path.join(root, dir), { recursive: true });
  mkdirSync(outside);
  for (const file of [
    'z.json',
    'a/1.json',
    'a/notes.txt',
    'b/deep/2.json',
    'b/3.JSON',
    'node_modules/pkg/package.json',
    'Папка/обращение.json',
  ]) {
    writeFileSync(path.join(root, file), '{}');
  }
  writeFileSync(path.join(outside, 'secret.json'), '{}');
  symlinkSync(outside, path.join(root, 'link-out'));
  symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'file-out.json'));
  symlinkSync(path.join(root, 'a'), path.join(root, 'b', 'link-a'));
  symlinkSync(root, path.join(root, 'b', 'deep', 'loop'));
  symlinkSync(path.join(root, 'missing.json'), path.join(root, 'dangling.json'));
  execFileSync('mkfifo', [path.join(root, 'pipe.json')]);
});

after(() => rmSync(path.dirname(root), { recursive: true, force: true }));

test('walks recursively in sorted order, only *.json by default, with relative and absolute paths', async () => {
  const found = await discover(root, { exclude: ['**/node_modules'] });
  assert.deepEqual(
    found.files.map((f) => f.relative),
    // b/link-a leads to `a`, already walked: each real folder is listed once.
    ['a/1.json', 'b/deep/2.json', 'z.json', 'Папка/обращение.json'],
  );
  for (const f of found.files) assert.equal(f.absolute, path.join(root, ...f.relative.split('/')));
  assert.equal(found.root, root);
});

test('symlinks never lead out of the root; loops and dangling links are reported, not thrown', async () => {
  const found = await discover(root, { exclude: ['**/node_modules'] });
  const problems = found.problems.map((p) => `${p.code} ${p.relative} ${p.detail}`.trim());
  assert.deepEqual(problems.sort(), [
    'loop b/deep/loop',
    'loop b/link-a',
    'outside-root file-out.json',
    'outside-root link-out',
    'unreadable dangling.json ENOENT',
  ]);
  assert.ok(!found.files.some((f) => f.relative.includes('secret')));
});

test('a FIFO is never listed (reading it would hang)', async () => {
  const found = await discover(root, { include: ['**/*'] });
  assert.ok(!found.files.some((f) => f.relative === 'pipe.json'));
  assert.ok(found.files.some((f) => f.relative === 'a/notes.txt'));
});

test('include and exclude globs; letter case on request', async () => {
  const excluded = await discover(root, { include: ['**/*.json'], exclude: ['b', 'Папка/**'] });
  assert.deepEqual(
    excluded.files.map((f) => f.relative),
    ['a/1.json', 'node_modules/pkg/package.json', 'z.json'],
  );
  const anyCase = await discover(path.join(root, 'b'), { include: ['*.json'], ignoreCase: true });
  assert.deepEqual(
    anyCase.files.map((f) => f.relative),
    ['3.JSON'],
  );
});

test('a missing root or a file as root is a problem, not an exception', async () => {
  const missing = await discover(path.join(root, 'nope'));
  assert.deepEqual(missing.files, []);
  assert.equal(missing.problems[0].code, 'unreadable');
  assert.equal(missing.problems[0].detail, 'ENOENT');
  const file = await discover(path.join(root, 'z.json'));
  assert.equal(file.problems[0].code, 'not-a-folder');
});
