import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { nodePackFs, SplitArchive, EntryTooLargeError } from '../../server/src/archive/packParts';
import { crc32, prepareEntry, singleEntryArchiveSize } from '../../server/src/archive/zipWriter';
import { listFiles, sha256, tempDir, verifyArchive } from './helpers';

const ENTRIES: readonly [string, Uint8Array][] = [
  ['empty.json', new Uint8Array(0)],
  ['Обращения/Ответ Иванову.json', Buffer.from('{"name":"Иванов Иван Иванович"}'.repeat(50))],
  ['random.bin.json', randomBytes(4096)], // incompressible: stored, not deflated
  ['ё/й/Ж-2016-0042.json', Buffer.from('{}')],
];

async function writeArchive(file: string, entries: readonly [string, Uint8Array][], limit = 1e9): Promise<void> {
  const archive = new SplitArchive(file, limit, nodePackFs);
  for (const [name, bytes] of entries) await archive.add(await prepareEntry(name, bytes));
  await archive.commit();
}

test('Cyrillic names, empty and incompressible entries: unzip -t and python zipfile accept the archive', async () => {
  const dir = tempDir('zip');
  const file = path.join(dir, 'архив.zip');
  await writeArchive(file, ENTRIES);
  const { names, sizes } = verifyArchive(file);
  assert.deepEqual(
    names,
    ENTRIES.map(([n]) => n),
  );
  assert.deepEqual(
    sizes,
    ENTRIES.map(([, b]) => b.length),
  );
  assert.deepEqual(listFiles(dir), ['архив.zip'], 'no temporary file is left beside the archive');
});

test('the same entries give a byte-identical archive (fixed timestamps, no extra fields)', async () => {
  const dir = tempDir('zip-repeat');
  const fixed = ENTRIES.filter(([n]) => n !== 'random.bin.json');
  await writeArchive(path.join(dir, 'a.zip'), fixed);
  await writeArchive(path.join(dir, 'b.zip'), fixed);
  assert.equal(sha256(path.join(dir, 'a.zip')), sha256(path.join(dir, 'b.zip')));
  // Local header of the first entry: flags with bit 11, DOS date 1980-01-01, time 00:00.
  const bytes = readFileSync(path.join(dir, 'a.zip'));
  assert.equal(bytes.readUInt32LE(0), 0x04034b50);
  assert.equal(bytes.readUInt16LE(6) & 0x0800, 0x0800);
  assert.equal(bytes.readUInt16LE(10), 0);
  assert.equal(bytes.readUInt16LE(12), 0x21);
});

test('crc32 matches the known check value', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
  assert.equal(crc32(new Uint8Array(0)), 0);
});

test('parts never exceed the limit and each is a valid archive', async () => {
  const dir = tempDir('zip-split');
  const entries = Array.from({ length: 12 }, (_, i): [string, Uint8Array] => [
    `f${String(i).padStart(2, '0')}.json`,
    randomBytes(900),
  ]);
  const limit = 3000;
  await writeArchive(path.join(dir, 'out.zip'), entries, limit);
  const files = listFiles(dir);
  assert.ok(files.length >= 4, `split into ${files.length} parts`);
  assert.deepEqual(
    files,
    files.map((_, i) => `out_${i + 1}.zip`),
  );
  const all: string[] = [];
  for (const f of files) {
    assert.ok(readFileSync(path.join(dir, f)).length <= limit, `${f} is within the limit`);
    all.push(...verifyArchive(path.join(dir, f)).names);
  }
  assert.deepEqual(
    all,
    entries.map(([n]) => n),
    'every entry once, in order, none spanning parts',
  );
});

test('an entry bigger than the limit alone is refused and leaves nothing', async () => {
  const dir = tempDir('zip-big');
  const archive = new SplitArchive(path.join(dir, 'out.zip'), 1000, nodePackFs);
  await archive.add(await prepareEntry('small.json', Buffer.from('{}')));
  const big = await prepareEntry('big.json', randomBytes(2000));
  assert.ok(singleEntryArchiveSize(big) > 1000);
  await assert.rejects(archive.add(big), (e: unknown) => e instanceof EntryTooLargeError && e.entryName === 'big.json');
  await archive.discard();
  assert.deepEqual(listFiles(dir), []);
});
