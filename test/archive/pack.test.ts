import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { symlinkSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { EntryTooLargeError, isAbort, packFolder, type PackOptions } from '../../server/src/archive/pack';
import { faultyFs } from './faults';
import { appealText, listFiles, sha256, tempDir, TODAY, verifyArchive, writeFile } from './helpers';

function options(output: string, extra: Partial<PackOptions> = {}): PackOptions {
  return { output, errors: 'refuse', check: { today: TODAY }, ...extra };
}

/** A folder of appeals with everything a real export folder holds besides them. */
function mixedFolder(): string {
  const dir = tempDir('pack-in');
  writeFile(dir, 'Ж-0001.json', appealText(1));
  writeFile(dir, 'Обращения/Октябрь/Ответ Иванову.json', appealText(2));
  writeFile(dir, 'Обращения/a.json', appealText(3));
  writeFile(dir, 'b/c.json', appealText(4));
  writeFile(dir, 'notes.txt', 'not for the importer');
  writeFile(dir, 'package.json', '{"name": "x", "version": "1.0.0"}');
  // A broken `*.json` is a file with errors, not a quiet leave-out: test/cli/folderForms.test.ts.
  symlinkSync('/etc', path.join(dir, 'etc-link'));
  return dir;
}

test('packs appeals in sorted order with safe relative names; lists what it left out and why', async () => {
  const input = mixedFolder();
  const out = tempDir('pack-out');
  const result = await packFolder(input, options(path.join(out, 'архив.zip')));
  assert.equal(result.status, 'packed');
  const expected = ['b/c.json', 'Ж-0001.json', 'Обращения/a.json', 'Обращения/Октябрь/Ответ Иванову.json'].sort(
    (a, b) => (a < b ? -1 : 1),
  );
  assert.deepEqual(result.packed, expected);
  assert.deepEqual(
    result.leftOut.map((l) => [l.path, l.reason]),
    [
      ['etc-link', 'outside-root'],
      ['notes.txt', 'not-included'],
      ['package.json', 'not-rro'],
    ],
  );
  assert.deepEqual(listFiles(out), ['архив.zip']);
  assert.deepEqual(verifyArchive(path.join(out, 'архив.zip')).names, expected);
  assert.equal(result.parts.length, 1);
  assert.equal(result.parts[0].bytes, statSync(path.join(out, 'архив.zip')).size);
  assert.equal(result.archiveBytes, result.parts[0].bytes);
});

test('names an archive must not carry, links inside the folder and link loops', async () => {
  const input = tempDir('pack-names');
  writeFile(input, 'ok.json', appealText(1));
  writeFile(input, 'back\\slash.json', appealText(2)); // a Windows tool would read it as a folder
  writeFile(input, 'tab\there.json', appealText(3));
  writeFile(input, 'sub/inner.json', appealText(4));
  symlinkSync(path.join(input, 'ok.json'), path.join(input, 'link-to-ok.json')); // inside: packed under its own name
  symlinkSync(input, path.join(input, 'sub', 'loop'));
  const out = tempDir('pack-names-out');
  const result = await packFolder(input, options(path.join(out, 'n.zip')));
  // The symlink to ok.json is the same file: packed once, under its real name.
  assert.deepEqual(result.packed, ['ok.json', 'sub/inner.json']);
  assert.equal(result.sameFiles, 1);
  assert.deepEqual(
    result.leftOut.map((l) => [l.path, l.reason]),
    [
      ['back\\slash.json', 'unsafe-name'],
      ['link-to-ok.json', 'same-file'],
      ['sub/loop', 'loop'],
      ['tab\there.json', 'unsafe-name'],
    ],
  );
  assert.deepEqual(verifyArchive(path.join(out, 'n.zip')).names, result.packed);
});

test('the same folder packed twice gives byte-identical archives', async () => {
  const input = mixedFolder();
  const out = tempDir('pack-repeat');
  await packFolder(input, options(path.join(out, 'one.zip')));
  await packFolder(input, options(path.join(out, 'two.zip'), { concurrency: 1 }));
  assert.equal(sha256(path.join(out, 'one.zip')), sha256(path.join(out, 'two.zip')));
});

test('a small limit splits into _1, _2, … parts, each within the limit, no file spanning parts', async () => {
  const input = tempDir('pack-split');
  const names = Array.from({ length: 30 }, (_, i) => `Ж-${String(i).padStart(3, '0')}.json`);
  names.forEach((n, i) => writeFile(input, n, appealText(i)));
  const out = tempDir('pack-split-out');
  const limit = 4000;
  const result = await packFolder(input, options(path.join(out, 'out.zip'), { limitBytes: limit }));
  assert.ok(result.parts.length >= 3, `${result.parts.length} parts`);
  assert.deepEqual(
    listFiles(out),
    result.parts.map((_, i) => `out_${i + 1}.zip`),
  );
  const all: string[] = [];
  for (const part of result.parts) {
    assert.ok(statSync(part.path).size <= limit);
    const { names: inPart } = verifyArchive(part.path);
    assert.equal(inPart.length, part.entries);
    all.push(...inPart);
  }
  assert.deepEqual(all, names);
});

test('parts of an earlier run that this run did not replace are reported, not deleted', async () => {
  const input = tempDir('pack-stale');
  for (let i = 0; i < 12; i++) writeFile(input, `f${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('pack-stale-out');
  const split = await packFolder(input, options(path.join(out, 'o.zip'), { limitBytes: 2500 }));
  assert.ok(split.parts.length >= 2, `${split.parts.length} parts`);
  assert.deepEqual(split.staleParts, []);
  const single = await packFolder(input, options(path.join(out, 'o.zip')));
  assert.equal(single.parts.length, 1);
  assert.deepEqual(
    single.staleParts,
    split.parts.map((p) => p.path),
  );
  const again = await packFolder(input, options(path.join(out, 'o.zip'), { limitBytes: 2500 }));
  assert.deepEqual(again.staleParts, [path.join(out, 'o.zip')]);
  assert.deepEqual(listFiles(out), ['o.zip', ...split.parts.map((_, i) => `o_${i + 1}.zip`)].sort());
});

test('one file bigger than the limit alone is a clear error and leaves nothing', async () => {
  const input = tempDir('pack-big');
  writeFile(input, 'a.json', appealText(1));
  const out = tempDir('pack-big-out');
  await assert.rejects(packFolder(input, options(path.join(out, 'out.zip'), { limitBytes: 300 })), (e: unknown) => {
    return e instanceof EntryTooLargeError && e.entryName === 'a.json' && e.limitBytes === 300;
  });
  assert.deepEqual(listFiles(out), []);
});

test('a cancel in the middle leaves no archive and no temporary file', async () => {
  const input = tempDir('pack-cancel');
  for (let i = 0; i < 40; i++) writeFile(input, `f${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('pack-cancel-out');
  const controller = new AbortController();
  const seen: number[] = [];
  const run = packFolder(input, {
    ...options(path.join(out, 'out.zip'), { limitBytes: 5000 }),
    signal: controller.signal,
    onProgress: (p) => {
      seen.push(p.done);
      if (p.done === 25) controller.abort(); // parts 1.. are already on disk as temporary files
    },
  });
  await assert.rejects(run, (e: unknown) => isAbort(e));
  assert.equal(Math.max(...seen), 25);
  assert.deepEqual(listFiles(out), []);
});

test('a read failure half-way (file vanished, disk error) leaves nothing behind', async () => {
  const input = tempDir('pack-fail');
  for (let i = 0; i < 20; i++) writeFile(input, `f${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('pack-fail-out');
  const failing = faultyFs({ failRead: 'f15.json' });
  await assert.rejects(
    packFolder(input, { ...options(path.join(out, 'out.zip'), { limitBytes: 5000 }), fs: failing }),
    /EIO/,
  );
  assert.deepEqual(listFiles(out), []);
});

test('a write failure on the second part removes the first part too', async () => {
  const input = tempDir('pack-wfail');
  for (let i = 0; i < 20; i++) writeFile(input, `f${String(i).padStart(2, '0')}.json`, appealText(i));
  const out = tempDir('pack-wfail-out');
  const failing = faultyFs({ failCreate: 2 });
  await assert.rejects(
    packFolder(input, { ...options(path.join(out, 'out.zip'), { limitBytes: 5000 }), fs: failing }),
    /ENOSPC/,
  );
  assert.deepEqual(listFiles(out), []);
});

test('gate: refuse writes nothing, only-valid leaves the bad file out, allow packs it', async () => {
  const input = tempDir('pack-gate');
  writeFile(input, 'good.json', appealText(1));
  writeFile(input, 'bad.json', appealText(2, true));
  const out = tempDir('pack-gate-out');

  const refused = await packFolder(input, options(path.join(out, 'r.zip')));
  assert.equal(refused.status, 'refused');
  assert.deepEqual(refused.parts, []);
  assert.deepEqual(
    refused.withErrors.map((f) => f.path),
    ['bad.json'],
  );
  const first = refused.withErrors[0].errors[0];
  assert.equal(first.rule, 'rro/required');
  assert.equal(first.pointer, '/createDate');
  assert.deepEqual(listFiles(out), []);

  const onlyValid = await packFolder(input, options(path.join(out, 'v.zip'), { errors: 'only-valid' }));
  assert.equal(onlyValid.status, 'packed');
  assert.deepEqual(onlyValid.packed, ['good.json']);
  assert.deepEqual(
    onlyValid.leftOut.map((l) => [l.path, l.reason]),
    [['bad.json', 'has-errors']],
  );
  assert.deepEqual(verifyArchive(path.join(out, 'v.zip')).names, ['good.json']);

  const allowed = await packFolder(input, options(path.join(out, 'a.zip'), { errors: 'allow' }));
  assert.deepEqual(allowed.packed, ['bad.json', 'good.json']);
  assert.deepEqual(
    allowed.withErrors.map((f) => f.path),
    ['bad.json'],
  );
  assert.deepEqual(verifyArchive(path.join(out, 'a.zip')).names, ['bad.json', 'good.json']);
  assert.deepEqual(listFiles(out), ['a.zip', 'v.zip']);
});

test("entries hold exactly the files' bytes, stored and deflated alike, with reused read buffers", async () => {
  const input = tempDir('pack-content');
  const sources: string[] = [];
  for (let i = 0; i < 40; i++) {
    // Compact null reports with random GUIDs do not shrink under deflate: they are stored.
    const guid = randomUUID().toUpperCase();
    sources.push(
      writeFile(
        input,
        `n${String(i).padStart(2, '0')}.json`,
        `{"departmentId":"${guid}","year":2026,"month":${1 + (i % 10)}}`,
      ),
    );
    sources.push(writeFile(input, `z${String(i).padStart(2, '0')}.json`, appealText(i)));
  }
  const out = tempDir('pack-content-out');
  const result = await packFolder(input, options(path.join(out, 'c.zip'), { concurrency: 6 }));
  assert.equal(result.packed.length, 80);
  const archive = verifyArchive(path.join(out, 'c.zip'));
  assert.ok(archive.stored > 0, 'some entries are stored');
  assert.deepEqual(archive.sha256, sources.sort().map(sha256));
});

test('a folder with nothing to pack writes nothing', async () => {
  const input = tempDir('pack-empty');
  writeFile(input, 'readme.txt', 'x');
  const out = tempDir('pack-empty-out');
  const result = await packFolder(input, options(path.join(out, 'x.zip')));
  assert.equal(result.status, 'empty');
  assert.deepEqual(listFiles(out), []);
});
