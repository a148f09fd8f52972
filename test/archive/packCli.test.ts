// The real `rro pack` binary (dist/cli.js, built by `node esbuild.mjs`): exit codes, the gate
// flags, splitting, and that every archive it writes passes unzip -t and python zipfile.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { statSync, watch } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { PackResult } from '../../server/src/archive/pack';
import { appealText, listFiles, REPO, tempDir, TODAY, verifyArchive, writeFile } from './helpers';

const CLI = path.join(REPO, 'dist', 'cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function rro(args: string[], cwd: string): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env: { ...process.env, LANG: 'en_US.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

function gateFolder(): string {
  const dir = tempDir('cli-gate');
  writeFile(dir, 'Обращения/хорошее.json', appealText(1));
  writeFile(dir, 'плохое.json', appealText(2, true));
  writeFile(dir, 'notes.txt', 'x');
  return dir;
}

test('rro pack: a valid folder packs with exit 0 and a summary naming the archive', async () => {
  const input = tempDir('cli-ok');
  writeFile(input, 'Ж-1.json', appealText(1));
  writeFile(input, 'Ж-2.json', appealText(2));
  const r = await rro(['pack', '.', '-o', 'out.zip', '--today', TODAY], input);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /out\.zip/);
  assert.deepEqual(verifyArchive(path.join(input, 'out.zip')).names, ['Ж-1.json', 'Ж-2.json']);
});

test('rro pack: files with errors → exit 1, nothing written, errors listed by file:line:col and rule id', async () => {
  const input = gateFolder();
  const out = tempDir('cli-gate-out');
  const r = await rro(['pack', input, '-o', path.join(out, 'a.zip'), '--today', TODAY], out);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /плохое\.json:\d+:\d+ rro\/required/);
  assert.deepEqual(listFiles(out), []);
});

test('rro pack --only-valid packs the rest (exit 0); --allow-errors packs everything', async () => {
  const input = gateFolder();
  const out = tempDir('cli-gate-ok');
  const valid = await rro(['pack', input, '-o', path.join(out, 'v.zip'), '--only-valid', '--today', TODAY], out);
  assert.equal(valid.code, 0, valid.stderr);
  assert.deepEqual(verifyArchive(path.join(out, 'v.zip')).names, ['Обращения/хорошее.json']);
  const all = await rro(['pack', input, '-o', path.join(out, 'a.zip'), '--allow-errors', '--today', TODAY], out);
  assert.equal(all.code, 0, all.stderr);
  assert.deepEqual(verifyArchive(path.join(out, 'a.zip')).names, ['Обращения/хорошее.json', 'плохое.json']);
});

test('rro pack --json reports parts, packed files and left-out reasons', async () => {
  const input = gateFolder();
  const out = tempDir('cli-json');
  const r = await rro(['pack', input, '-o', path.join(out, 'j.zip'), '--only-valid', '--json', '--today', TODAY], out);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as PackResult;
  assert.equal(result.status, 'packed');
  assert.deepEqual(result.packed, ['Обращения/хорошее.json']);
  assert.deepEqual(
    result.leftOut.map((l) => [l.path, l.reason]),
    [
      ['notes.txt', 'not-included'],
      ['плохое.json', 'has-errors'],
    ],
  );
  assert.equal(result.parts[0].bytes, statSync(path.join(out, 'j.zip')).size);
});

test('rro pack --max-size-mb splits into numbered parts, each accepted by unzip and python', async () => {
  const input = tempDir('cli-split');
  for (let i = 0; i < 24; i++) writeFile(input, `Ж-${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('cli-split-out');
  const r = await rro(['pack', input, '-o', path.join(out, 'p.zip'), '--max-size-mb', '0.005', '--today', TODAY], out);
  assert.equal(r.code, 0, r.stderr);
  const parts = listFiles(out);
  assert.ok(parts.length >= 3, parts.join());
  assert.deepEqual(
    parts,
    parts.map((_, i) => `p_${i + 1}.zip`),
  );
  const names = parts.flatMap((p) => {
    assert.ok(statSync(path.join(out, p)).size <= 5000);
    return verifyArchive(path.join(out, p)).names;
  });
  assert.equal(names.length, 24);
});

test('rro pack: usage mistakes and failures exit 2 with nothing written', async () => {
  const input = tempDir('cli-usage');
  writeFile(input, 'a.json', appealText(1));
  const cases: string[][] = [
    ['pack', input],
    ['pack', '-o', 'x.zip'],
    ['pack', input, '-o', 'x.zip', '--allow-errors', '--only-valid'],
    ['pack', input, '-o', 'x.zip', '--max-size-mb', 'lots'],
    ['pack', input, '-o', 'x.zip', '--today', '2026-02-30'],
    ['pack', input, '-o', 'x.zip', '--frobnicate'],
    ['pack', path.join(input, 'missing'), '-o', 'x.zip'],
    ['pack', path.join(input, 'a.json'), '-o', 'x.zip'],
    ['pack', input, '-o', path.join(input, 'no', 'such', 'dir', 'x.zip')],
    ['pack', input, '-o', '.'],
    ['pack', input, '-o', 'x.zip', '--max-size-mb', '0.0003', '--today', TODAY],
  ];
  const out = tempDir('cli-usage-out');
  for (const args of cases) {
    const r = await rro(args, out);
    assert.equal(r.code, 2, `${args.join(' ')} → ${r.code}: ${r.stderr}`);
    assert.match(r.stderr, /^rro pack: /);
  }
  assert.deepEqual(listFiles(out), []);
  assert.deepEqual(listFiles(input), ['a.json']);
});

test('rro pack --classifier loads the classifier file; a missing one is exit 2', async () => {
  const input = tempDir('cli-classifier');
  writeFile(input, 'a.json', appealText(1));
  const classifier = path.join(REPO, 'test', 'fixtures', 'classifier', 'classifier.json');
  const ok = await rro(
    ['pack', '.', '-o', 'c.zip', '--classifier', classifier, '--allow-errors', '--today', TODAY],
    input,
  );
  assert.equal(ok.code, 0, ok.stderr);
  verifyArchive(path.join(input, 'c.zip'));
  const missing = await rro(['pack', '.', '-o', 'd.zip', '--classifier', 'nope.csv', '--today', TODAY], input);
  assert.equal(missing.code, 2);
  assert.deepEqual(listFiles(input), ['a.json', 'c.zip']);
});

test('rro pack: Ctrl+C (SIGINT) mid-way exits 130 and leaves no archive and no temporary file', async () => {
  const input = tempDir('cli-sigint');
  for (let i = 0; i < 4000; i++) writeFile(input, `Ж-${String(i).padStart(4, '0')}.json`, appealText(i));
  const out = tempDir('cli-sigint-out');
  const child = spawn(process.execPath, [
    CLI,
    'pack',
    input,
    '-o',
    path.join(out, 'big.zip'),
    '--max-size-mb',
    '0.05',
    '--today',
    TODAY,
  ]);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  // Interrupt once the second part's temporary file appears: parts are being written. (If the
  // child ended first, the exit code assertion below says so instead of a hang.)
  const watcher = watch(out);
  await Promise.race([
    exited,
    new Promise<void>((resolve) =>
      watcher.on('change', (_event, name) => /\.part2\.tmp$/.test(String(name)) && resolve()),
    ),
  ]);
  watcher.close();
  child.kill('SIGINT');
  assert.equal(await exited, 130);
  assert.deepEqual(listFiles(out), []);
});

test('rro pack --help prints usage in Russian and English with exit 0', async () => {
  const cwd = tempDir('cli-help');
  const en = await rro(['pack', '--help'], cwd);
  const ru = await rro(['pack', '--help', '--lang', 'ru'], cwd);
  assert.equal(en.code, 0);
  assert.equal(ru.code, 0);
  assert.notEqual(en.stdout, ru.stdout);
  assert.match(ru.stdout, /--only-valid/);
});
