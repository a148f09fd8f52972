import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { crc32, isUnsafeName, ZipError, ZipReader } from '../../server/src/archive/zipReader';
import { buildZip } from './helpers/zipBytes';
import { makeTempDir } from '../tempDir';

const work = makeTempDir('rro-zipreader-');
after(() => rmSync(work, { recursive: true, force: true }));

function zipError(fn: () => unknown): ZipError {
  try {
    fn();
  } catch (e) {
    if (e instanceof ZipError) return e;
    throw e;
  }
  assert.fail('expected a ZipError');
}

test('reads an archive made by Info-ZIP zip: folders, Cyrillic names, stored and deflated entries', () => {
  const src = path.join(work, 'src');
  mkdirSync(path.join(src, 'Март'), { recursive: true });
  const big = JSON.stringify({ questions: Array.from({ length: 200 }, (_, i) => ({ code: '0001', n: i })) });
  writeFileSync(path.join(src, 'Март', 'обращение.json'), big);
  writeFileSync(path.join(src, 'a.json'), '{}');
  execFileSync('zip', ['-q', '-r', path.join(work, 'info.zip'), '.'], { cwd: src });
  const zip = ZipReader.open(readFileSync(path.join(work, 'info.zip')));
  const files = zip.entries.filter((e) => !e.isDirectory);
  assert.deepEqual(files.map((e) => e.name).sort(), ['a.json', 'Март/обращение.json']);
  const entry = files.find((e) => e.name.endsWith('обращение.json'))!;
  assert.equal(entry.method, 8);
  assert.equal(zip.read(entry).toString('utf8'), big);
  assert.ok(zip.entries.some((e) => e.isDirectory && e.name === 'Март/'));
});

test('reads an archive written by Python zipfile (deflated)', () => {
  const file = path.join(work, 'py.zip');
  execFileSync('python3', [
    '-c',
    `import zipfile\nwith zipfile.ZipFile(${JSON.stringify(file)}, 'w', zipfile.ZIP_DEFLATED) as z: z.writestr('д/x.json', '{"a": 1}')`,
  ]);
  const zip = ZipReader.open(readFileSync(file));
  assert.deepEqual(
    zip.entries.map((e) => [e.name, e.nameEncoding]),
    [['д/x.json', 'utf-8']],
  );
  assert.equal(zip.read(zip.entries[0]).toString(), '{"a": 1}');
});

test('names without the UTF-8 flag: CP866 as Windows Explorer writes them', () => {
  const cp866 = Buffer.from([0xae, 0xa1, 0xe0, 0xa0, 0xe9, 0xa5, 0xad, 0xa8, 0xa5, 0x2e, 0x6a, 0x73, 0x6f, 0x6e]); // обращение.json
  const zip = ZipReader.open(buildZip([{ name: cp866, data: Buffer.from('{}') }]));
  assert.equal(zip.entries[0].name, 'обращение.json');
  assert.equal(zip.entries[0].nameEncoding, 'ibm866');
});

test('entry names with .. or absolute paths refuse the whole archive', () => {
  for (const name of ['../evil.json', 'a/../../evil.json', '/etc/evil.json', 'C:\\evil.json', 'a\\..\\..\\evil.json']) {
    const e = zipError(() =>
      ZipReader.open(
        buildZip([
          { name: 'ok.json', data: Buffer.from('{}') },
          { name, data: Buffer.from('{}') },
        ]),
      ),
    );
    assert.equal(e.code, 'unsafe-name', name);
    assert.equal(e.entry, name);
  }
  assert.equal(isUnsafeName('a..b/c..json'), false);
});

test('zip bombs: ratio, declared total, entry count, and a header that lies about the size', () => {
  const zeros = Buffer.alloc(20 * 1024 * 1024);
  assert.equal(zipError(() => ZipReader.open(buildZip([{ name: 'bomb.json', data: zeros }]))).code, 'ratio');
  const small = (n: number) => Array.from({ length: n }, (_, i) => ({ name: `${i}.json`, data: Buffer.from('{}') }));
  assert.equal(zipError(() => ZipReader.open(buildZip(small(5)), { maxEntries: 4 })).code, 'too-many-entries');
  assert.equal(zipError(() => ZipReader.open(buildZip(small(5)), { maxTotalSize: 9 })).code, 'too-large');
  assert.equal(zipError(() => ZipReader.open(buildZip(small(1)), { maxEntrySize: 1 })).code, 'entry-too-large');
  // Claims 2 bytes, inflates to 20 MB: inflation stops right after the claimed size.
  const liar = ZipReader.open(buildZip([{ name: 'liar.json', data: zeros, declaredSize: 2 }]));
  assert.equal(zipError(() => liar.read(liar.entries[0])).code, 'size-mismatch');
});

test('damaged archives: CRC, corrupt data, unsupported method, encryption, not a ZIP, truncated', () => {
  const crc = ZipReader.open(buildZip([{ name: 'a.json', data: Buffer.from('{"a":1}'), crc: 1 }]));
  assert.equal(zipError(() => crc.read(crc.entries[0])).code, 'crc');
  const good = buildZip([{ name: 'a.json', data: Buffer.from('{"a":1}'.repeat(50)) }]);
  const corrupt = Buffer.from(good);
  corrupt.fill(0xff, 30 + 6, 30 + 6 + 4); // inside the deflate stream
  const c = ZipReader.open(corrupt);
  assert.ok(['corrupt-data', 'crc', 'size-mismatch'].includes(zipError(() => c.read(c.entries[0])).code));
  const method = Buffer.from(good);
  method.writeUInt16LE(12, good.length - 22 - 46 - 6 + 10); // central header's method → bzip2
  const m = ZipReader.open(method);
  assert.equal(zipError(() => m.read(m.entries[0])).code, 'unsupported-method');
  const enc = ZipReader.open(buildZip([{ name: 'a.json', data: Buffer.from('{}'), flags: 0x0801 }]));
  assert.equal(zipError(() => enc.read(enc.entries[0])).code, 'encrypted');
  assert.equal(zipError(() => ZipReader.open(Buffer.from('{"not":"zip"}'))).code, 'not-zip');
  assert.equal(zipError(() => ZipReader.open(Buffer.alloc(0))).code, 'not-zip');
  assert.equal(zipError(() => ZipReader.open(good.subarray(40))).code, 'truncated');
});

test('crc32 agrees with zlib', () => {
  assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
});

test('random damage to an archive: only ZipErrors, never another exception or a hang', () => {
  const source = buildZip([
    { name: 'a.json', data: Buffer.from('{"a":1}'.repeat(40)) },
    { name: 'б/в.json', data: Buffer.from('{}'), method: 0 },
    { name: 'c.json', data: Buffer.alloc(3000, 0x41) },
  ]);
  let seed = 42;
  const random = (n: number): number => {
    seed = (seed * 1103515245 + 12345) >>> 0; // a fixed LCG: the same damage on every run
    return seed % n;
  };
  let refused = 0;
  for (let round = 0; round < 3000; round++) {
    const damaged = Buffer.from(source);
    const flips = 1 + random(4);
    for (let k = 0; k < flips; k++) damaged[random(damaged.length)] = random(256);
    const cut = random(10) === 0 ? damaged.subarray(0, random(damaged.length)) : damaged;
    try {
      const zip = ZipReader.open(cut);
      for (const e of zip.entries) {
        try {
          zip.read(e);
        } catch (err) {
          if (!(err instanceof ZipError)) throw err;
          refused++;
        }
      }
    } catch (err) {
      if (!(err instanceof ZipError)) throw err;
      refused++;
    }
  }
  assert.ok(refused > 100, 'the damage was noticed');
});

test('openFile reads at positions with the same result as open, and closes its file', () => {
  const bytes = buildZip([
    { name: 'a.json', data: Buffer.from('{"a":1}'.repeat(100)) },
    { name: 'b.json', data: Buffer.from('{}'), method: 0 },
  ]);
  const file = path.join(work, 'positions.zip');
  writeFileSync(file, bytes);
  const zip = ZipReader.openFile(file);
  try {
    assert.deepEqual(
      zip.entries.map((e) => zip.read(e).toString()),
      ['{"a":1}'.repeat(100), '{}'],
    );
  } finally {
    zip.close();
  }
  assert.equal(zipError(() => ZipReader.openFile(file, { maxArchiveSize: 10 })).code, 'archive-too-large');
});

test('a local header name unlike the directory, overlapping entries, and a high overall ratio refuse the archive', () => {
  const data = Buffer.from('{}');
  const mismatch = zipError(() => ZipReader.open(buildZip([{ name: 'ok.json', localName: '../../evil.json', data }])));
  assert.deepEqual(
    [mismatch.code, mismatch.entry, mismatch.args.local],
    ['name-mismatch', 'ok.json', '../../evil.json'],
  );
  // Same length, one byte different: still a mismatch.
  assert.equal(
    zipError(() => ZipReader.open(buildZip([{ name: 'a.json', localName: 'b.json', data }]))).code,
    'name-mismatch',
  );
  const twice = buildZip([
    { name: 'a.json', data },
    { name: 'a.json', data, centralOffset: 0 },
  ]);
  assert.equal(zipError(() => ZipReader.open(twice)).code, 'overlap');
  const many = Array.from({ length: 8 }, (_, i) => ({ name: `${i}.json`, data: Buffer.alloc(1000, 0x20) }));
  const ratio = zipError(() => ZipReader.open(buildZip(many), { totalRatioFloor: 1000, maxTotalRatio: 5 }));
  assert.equal(ratio.code, 'total-ratio');
});
