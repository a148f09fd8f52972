// rro pack and the things around the archive: a file reached twice is packed once, the
// temporary files of a killed pack are recognisable and removed by the next run, and a full
// disk is reported as the output's problem, not the source folder's.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { linkSync, readdirSync, symlinkSync, watch, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { PackOutputError, packFolder, type PackResult } from '../../server/src/archive/pack';
import { tempPartPath, tempPartPid } from '../../server/src/archive/packTemp';
import { faultyFs } from './faults';
import { appealText, listFiles, REPO, tempDir, TODAY, verifyArchive, writeFile } from './helpers';

const CLI = path.join(REPO, 'dist', 'cli.js');

function rro(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, LANG: 'C' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** A pid that certainly belonged to a process that has ended. */
function deadPid(): number {
  const r = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(r.stdout);
}

test('a hard link and a symlink to a file in the folder: packed once, under its real name, and said so', () => {
  const input = tempDir('hyg-links');
  const real = writeFile(input, 'b-real.json', appealText(1));
  writeFile(input, 'other.json', appealText(2));
  linkSync(real, path.join(input, 'a-hardlink.json'));
  symlinkSync(real, path.join(input, 'c-symlink.json'));
  const out = tempDir('hyg-links-out');
  const r = rro(['pack', input, '-o', path.join(out, 'x.zip'), '--today', TODAY, '--json'], out);
  assert.equal(r.code, 0, r.stderr);
  const result = JSON.parse(r.stdout) as PackResult;
  // Hard links are equals: the first name in archive order stays. A symlink never wins over its file.
  assert.deepEqual(result.packed, ['a-hardlink.json', 'other.json']);
  assert.equal(result.sameFiles, 2);
  assert.deepEqual(
    result.leftOut.map((l) => [l.path, l.reason, l.detail]),
    [
      ['b-real.json', 'same-file', 'a-hardlink.json'],
      ['c-symlink.json', 'same-file', 'a-hardlink.json'],
    ],
  );
  assert.deepEqual(verifyArchive(path.join(out, 'x.zip')).names, result.packed);
  const text = rro(['pack', input, '-o', path.join(out, 'y.zip'), '--today', TODAY], out);
  assert.equal(text.code, 0);
  assert.match(text.stdout, /\b2\b.*(twice|link)/);
});

test('temporary files have a recognisable name; only the stale ones (their pack is gone) are removed', async () => {
  const input = tempDir('hyg-stale');
  writeFile(input, 'a.json', appealText(1));
  const out = tempDir('hyg-stale-out');
  const output = path.join(out, 'a.zip');
  const stale = tempPartPath(output, `${deadPid()}-0badc0de`, 1);
  const live = tempPartPath(output, `${process.pid}-0123abcd`, 1);
  const unrelated = path.join(out, 'a.zip.tmp');
  for (const f of [stale, live, unrelated]) writeFileSync(f, 'personal data');
  assert.equal(typeof tempPartPid(output, stale), 'number');
  assert.equal(tempPartPid(output, unrelated), undefined);
  const result = await packFolder(input, { output, errors: 'refuse', check: { today: TODAY } });
  assert.deepEqual(result.removedTemps, [stale]);
  assert.deepEqual(listFiles(out), [path.basename(live), 'a.zip', 'a.zip.tmp'].sort());
});

test('rro pack killed with SIGKILL leaves its temporary file; the next run removes it and says so', async () => {
  const input = tempDir('hyg-kill');
  for (let i = 0; i < 3000; i++) writeFile(input, `Ж-${String(i).padStart(4, '0')}.json`, appealText(i));
  const out = tempDir('hyg-kill-out');
  const output = path.join(out, 'big.zip');
  const child = spawn(process.execPath, [CLI, 'pack', input, '-o', output, '--max-size-mb', '0.05', '--today', TODAY]);
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('close', (_code, signal) => resolve(signal)));
  const watcher = watch(out);
  await Promise.race([
    exited,
    new Promise<void>((resolve) => watcher.on('change', (_e, name) => /\.part2\.tmp$/.test(String(name)) && resolve())),
  ]);
  watcher.close();
  child.kill('SIGKILL');
  assert.equal(await exited, 'SIGKILL');
  const left = readdirSync(out);
  assert.ok(left.length > 0 && left.every((n) => tempPartPid(output, n) === child.pid), left.join(', '));
  const again = rro(['pack', input, '-o', output, '--max-size-mb', '0.05', '--today', TODAY], out);
  assert.equal(again.code, 0, again.stderr);
  assert.ok(
    left.every((n) => again.stderr.includes(n)),
    again.stderr,
  );
  assert.ok(
    readdirSync(out).every((n) => /^big_\d+\.zip$/.test(n)),
    readdirSync(out).join(', '),
  );
  verifyArchive(path.join(out, 'big_1.zip'));
});

test('a full disk while writing names the archive being written, not the folder packed', async () => {
  const input = tempDir('hyg-enospc');
  for (let i = 0; i < 20; i++) writeFile(input, `f${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('hyg-enospc-out');
  const output = path.join(out, 'out.zip');
  for (const faults of [{ failCreate: 1 }, { failWrite: 1 }, { failWrite: 3 }]) {
    await assert.rejects(
      packFolder(input, { output, errors: 'refuse', check: { today: TODAY }, limitBytes: 5000, fs: faultyFs(faults) }),
      (e: unknown) => e instanceof PackOutputError && e.code === 'ENOSPC' && e.output === output,
    );
    assert.deepEqual(listFiles(out), [], JSON.stringify(faults));
  }
});
