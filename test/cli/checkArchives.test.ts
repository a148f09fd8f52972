// The real `rro check` on ZIP archives: made by Info-ZIP `zip`, by Python, and by hand for the
// cases no well-behaved tool writes (`..` names, zip bombs, broken CRCs).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { copyFileSync, readFileSync, truncateSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { appealWith, TempDir, validText } from './helpers/cases';
import { checkJson, CLI, runCli, type JsonReport } from './helpers/runCli';
import { buildZip } from './helpers/zipBytes';
import * as zlib from 'node:zlib';

const tmp = new TempDir();
after(() => tmp.remove());

const VALID = Buffer.from(validText('in-work.json'));
const BAD_CODE = Buffer.from(appealWith({ code: '0001.0002.0027.147' }));

function byPath(report: JsonReport): Map<string, JsonReport['files'][number]> {
  return new Map(report.files.map((f) => [f.path, f]));
}

function rules(report: JsonReport, file: string): string[] {
  const f = byPath(report).get(file);
  assert.ok(f, `${file} not in ${report.files.map((x) => x.path).join(', ')}`);
  return f.diagnostics.map((d) => d.rule);
}

test('our hand-made archives are valid ZIPs to Info-ZIP and Python (so only the deliberate damage counts)', () => {
  const file = tmp.write(
    'handmade.zip',
    buildZip([
      { name: 'a/обращение.json', data: VALID },
      { name: 'b.json', data: VALID, method: 0 },
    ]),
  );
  execFileSync('unzip', ['-tq', file]);
  const out = execFileSync('python3', [
    '-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); print(z.testzip(), len(z.namelist()))',
    file,
  ]);
  assert.equal(out.toString().trim(), 'None 2');
});

test('an archive made by Info-ZIP zip: every entry checked as an РРО document, paths archive.zip!/entry', async () => {
  const src = tmp.path('export');
  tmp.write('export/Март/обращение.json', VALID);
  tmp.write('export/bad.json', BAD_CODE);
  tmp.write('export/readme.txt', 'Выгрузка за март'); // the importer tries every file
  execFileSync('zip', ['-q', '-r', tmp.path('export.zip'), '.'], { cwd: src });
  const { code, report } = await checkJson(['export.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(
    report.files.map((f) => f.path).sort(),
    ['export.zip!/bad.json', 'export.zip!/readme.txt', 'export.zip!/Март/обращение.json'].sort(),
  );
  assert.deepEqual(rules(report, 'export.zip!/Март/обращение.json'), []);
  assert.equal(byPath(report).get('export.zip!/Март/обращение.json')!.kind, 'appeal');
  const badEntry = byPath(report).get('export.zip!/bad.json')!;
  assert.deepEqual(
    badEntry.diagnostics.map((d) => [d.rule, d.pointer]),
    [['rro/code-format', '/questions/0/code']],
  );
  const txt = byPath(report).get('export.zip!/readme.txt')!;
  assert.equal(txt.kind, 'unknown');
  assert.ok(txt.diagnostics.some((d) => d.severity === 'error' && d.rule === 'rro/json-syntax'));
});

test('a clean archive gives exit 0; the name and extension do not matter, the signature does', async () => {
  tmp.write('clean.dat', buildZip([{ name: 'a.json', data: VALID }]));
  const { code, report } = await checkJson(['clean.dat'], tmp.root);
  assert.equal(code, 0);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.kind, f.diagnostics.length]),
    [['clean.dat!/a.json', 'appeal', 0]],
  );
});

test('an entry name with .. or an absolute path: the archive is refused, nothing in it is checked', async () => {
  for (const name of ['../../etc/evil.json', '/tmp/evil.json']) {
    tmp.write(
      'evil.zip',
      buildZip([
        { name: 'ok.json', data: VALID },
        { name, data: VALID },
      ]),
    );
    const { code, report } = await checkJson(['evil.zip'], tmp.root);
    assert.equal(code, 1);
    assert.deepEqual(
      report.files.map((f) => [f.path, f.kind]),
      [['evil.zip', 'unknown']],
    );
    const [d] = report.files[0].diagnostics;
    assert.deepEqual([d.rule, d.severity, d.pointer], ['rro/archive', 'error', '']);
    assert.ok(d.message.includes(name), 'the message names the entry');
  }
});

test('a zip bomb (50 MB of zeros in 50 KB) is refused before anything is inflated', async () => {
  tmp.write(
    'bomb.zip',
    buildZip([
      { name: 'a.json', data: VALID },
      { name: 'bomb.json', data: Buffer.alloc(50 * 1024 * 1024, 0x20) },
    ]),
  );
  const { code, report } = await checkJson(['bomb.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
    [['bomb.zip', ['rro/archive']]],
  );
  const softer = await checkJson(['--rule', 'rro/archive=warning', 'bomb.zip'], tmp.root);
  assert.equal(softer.code, 0);
  assert.equal(softer.report.files[0].diagnostics[0].severity, 'warning');
});

test('a header that lies about the size, and a broken CRC: that entry is an error, the others are checked', async () => {
  tmp.write(
    'liar.zip',
    buildZip([
      { name: 'liar.json', data: Buffer.alloc(5 * 1024 * 1024, 0x20), declaredSize: 10 },
      { name: 'ok.json', data: VALID },
    ]),
  );
  const liar = await checkJson(['liar.zip'], tmp.root);
  assert.equal(liar.code, 1);
  assert.deepEqual(rules(liar.report, 'liar.zip!/liar.json'), ['rro/archive']);
  assert.deepEqual(rules(liar.report, 'liar.zip!/ok.json'), []);
  tmp.write('crc.zip', buildZip([{ name: 'crc.json', data: VALID, crc: 12345 }]));
  const crc = await checkJson(['crc.zip'], tmp.root);
  assert.deepEqual(rules(crc.report, 'crc.zip!/crc.json'), ['rro/archive']);
});

test('entries in Windows-1251, with a BOM, or binary: judged from their bytes', async () => {
  const text = validText('in-work.json');
  // Windows-1251 bytes are written by Python: Node has no encoder for it.
  const cp1251 = tmp.path('cp1251.json');
  execFileSync('python3', [
    '-c',
    'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("cp1251"))',
    tmp.write('src.json', text),
    cp1251,
  ]);
  tmp.write(
    'encodings.zip',
    buildZip([
      { name: 'cp1251.json', data: readFileSync(cp1251) },
      { name: 'bom.json', data: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) },
      {
        name: 'photo.jpg',
        data: Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01]),
      },
    ]),
  );
  const { code, report } = await checkJson(['encodings.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(rules(report, 'encodings.zip!/cp1251.json'), ['rro/encoding']);
  const enc = byPath(report).get('encodings.zip!/cp1251.json')!.diagnostics[0];
  assert.match(enc.message, /1251/); // the encoding is named: the user must know what to re-save from
  assert.deepEqual(rules(report, 'encodings.zip!/bom.json'), ['rro/bom']);
  assert.deepEqual(rules(report, 'encodings.zip!/photo.jpg'), ['rro/not-json']); // binary, named as such
});

test('a .zip that is not a ZIP, and an empty archive', async () => {
  tmp.write('fake.zip', 'just text');
  const fake = await checkJson(['fake.zip'], tmp.root);
  assert.equal(fake.code, 1);
  assert.deepEqual(rules(fake.report, 'fake.zip'), ['rro/archive']);
  tmp.write('empty.zip', buildZip([]));
  const empty = await checkJson(['empty.zip'], tmp.root);
  assert.equal(empty.code, 0);
  assert.deepEqual(
    empty.report.files[0].diagnostics.map((d) => [d.rule, d.severity]),
    [['rro/archive', 'warning']],
  );
});

test('archives inside a folder are checked when --include asks for them', async () => {
  copyFileSync(tmp.path('clean.dat'), tmp.write('folder/inner/export.zip', ''));
  tmp.write('folder/a.json', VALID);
  const byDefault = await checkJson(['folder'], tmp.root);
  assert.deepEqual(
    byDefault.report.files.map((f) => f.path),
    [path.join('folder', 'a.json')],
  );
  const withZips = await checkJson(['--include', '**/*.json', '--include', '**/*.zip', 'folder'], tmp.root);
  assert.deepEqual(
    withZips.report.files.map((f) => f.path),
    [path.join('folder', 'a.json'), `${path.join('folder', 'inner', 'export.zip')}!/a.json`],
  );
});

const MiB = 1024 * 1024;

/**
 * `mib` MiB of text that deflates about 135:1 — inside the old per-entry ratio limit (200:1) —
 * built without holding it: one 1 MiB chunk deflated with a full flush (byte-aligned, no
 * history) and repeated, then a final empty block. Returns the deflate stream and the CRC.
 */
function highRatioEntry(mib: number): { body: Buffer; crc: number; size: number } {
  const chunk = Buffer.alloc(MiB, 0x20);
  let seed = 1;
  for (let i = 0; i < chunk.length; i += 400) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    chunk[i] = 0x41 + (seed % 26);
  }
  const part = zlib.deflateRawSync(chunk, { finishFlush: zlib.constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < mib; i++) crc = zlib.crc32(chunk, crc);
  const body = Buffer.concat([...Array.from({ length: mib }, () => part), Buffer.from([0x03, 0x00])]);
  return { body, crc, size: mib * MiB };
}

/** `rro check` under /usr/bin/time -v: exit code, report, wall seconds and peak RSS in MB. */
function timedCheck(file: string): { code: number | null; report: JsonReport; seconds: number; rssMb: number } {
  const started = process.hrtime.bigint();
  const r = spawnSync(
    '/usr/bin/time',
    ['-v', process.execPath, CLI, 'check', '--format', 'json', '--today', '2026-11-25', file],
    { encoding: 'utf8', maxBuffer: 64 * MiB },
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr);
  assert.ok(rss, r.stderr.slice(-500));
  const code = /Exit status: (\d+)/.exec(r.stderr);
  return {
    code: code ? Number(code[1]) : r.status,
    report: JSON.parse(r.stdout) as JsonReport,
    seconds,
    rssMb: Number(rss[1]) / 1024,
  };
}

test('a 13 MB archive of four 500 MB entries (inside the old limits): refused at once, in bounded memory', () => {
  const e = highRatioEntry(500);
  const entries = [1, 2, 3, 4].map((n) => ({
    name: `${n}.json`,
    data: Buffer.alloc(0),
    body: e.body,
    crc: e.crc,
    declaredSize: e.size,
  }));
  const file = tmp.write('ratio.zip', buildZip(entries));
  assert.ok(readFileSync(file).length < 20 * MiB && readFileSync(file).length > 10 * MiB);
  const r = timedCheck(file);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
    [[file, ['rro/archive']]],
  );
  assert.ok(r.seconds < 5, `${r.seconds.toFixed(1)} s`);
  assert.ok(r.rssMb < 300, `${r.rssMb.toFixed(0)} MB`);
});

test('the same entries with headers that claim 20 MB each: inflation stops at the claim, time and memory bounded', () => {
  const e = highRatioEntry(500);
  const entries = [1, 2, 3, 4].map((n) => ({
    name: `${n}.json`,
    data: Buffer.alloc(0),
    body: e.body,
    crc: e.crc,
    declaredSize: 20 * MiB,
  }));
  const file = tmp.write('liars.zip', buildZip(entries));
  const r = timedCheck(file);
  assert.equal(r.code, 1);
  assert.deepEqual(
    r.report.files.map((f) => [path.relative(tmp.root, f.path), f.diagnostics.map((d) => d.rule)]),
    [1, 2, 3, 4].map((n) => [`liars.zip!/${n}.json`, ['rro/archive']]),
  );
  assert.ok(r.seconds < 8, `${r.seconds.toFixed(1)} s`);
  assert.ok(r.rssMb < 300, `${r.rssMb.toFixed(0)} MB`);
});

test('a legitimate entry near the entry limit (20 MB of Base64 in an appeal) is checked in < 300 MB', () => {
  const appeal = JSON.parse(VALID.toString('utf8')) as Record<string, unknown>;
  // Base64 barely deflates: the entry stays near its inflated size, as a scanned answer would.
  appeal.comment = randomBytes(15 * MiB).toString('base64');
  const file = tmp.write('big.zip', buildZip([{ name: 'big.json', data: Buffer.from(JSON.stringify(appeal)) }]));
  execFileSync('unzip', ['-tq', file]);
  const r = timedCheck(file);
  assert.equal(r.report.files.length, 1);
  assert.equal(r.report.files[0].kind, 'appeal');
  assert.ok(!r.report.files[0].diagnostics.some((d) => d.rule === 'rro/archive'));
  assert.ok(r.rssMb < 300, `${r.rssMb.toFixed(0)} MB`);
});

test('an archive larger than the importer takes (100 MB) is refused without being read', async () => {
  const file = tmp.write('huge.zip', buildZip([{ name: 'a.json', data: VALID }]));
  truncateSync(file, 101 * MiB); // sparse: costs no disk
  const { code, report } = await checkJson(['huge.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(rules(report, 'huge.zip'), ['rro/archive']);
  assert.match(report.files[0].diagnostics[0].message, /100/);
});

test('a local header whose name differs from the directory (../../evil.json) refuses the archive', async () => {
  tmp.write(
    'mismatch.zip',
    buildZip([
      { name: 'ok.json', data: VALID },
      { name: 'fine.json', localName: '../../evil.json', data: VALID },
    ]),
  );
  const { code, report } = await checkJson(['mismatch.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
    [['mismatch.zip', ['rro/archive']]],
  );
  assert.ok(report.files[0].diagnostics[0].message.includes('../../evil.json'));
});

test('overlapping entries (two directory records on one local header) refuse the archive', async () => {
  tmp.write(
    'overlap.zip',
    buildZip([
      { name: 'a.json', data: VALID },
      { name: 'a.json', data: VALID, centralOffset: 0 },
    ]),
  );
  const { code, report } = await checkJson(['overlap.zip'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.diagnostics.map((d) => d.rule)]),
    [['overlap.zip', ['rro/archive']]],
  );
});

test('a ZIP, gzip, RAR or 7z inside the archive is an archive inside the archive, not odd text', async () => {
  const inner = buildZip([{ name: 'a.json', data: VALID }]);
  const file = tmp.write(
    'nested.zip',
    buildZip([
      { name: 'inner.zip', data: inner },
      { name: 'inner.json', data: inner, method: 0 },
      { name: 'data.json.gz', data: zlib.gzipSync(VALID) },
      { name: 'x.rar', data: Buffer.from('Rar!\x1a\x07\x01\x00rest', 'latin1') },
      { name: 'x.7z', data: Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]) },
      { name: 'ok.json', data: VALID },
    ]),
  );
  execFileSync('unzip', ['-tq', file]);
  execFileSync('python3', ['-c', 'import sys, zipfile; assert zipfile.ZipFile(sys.argv[1]).testzip() is None', file]);
  const { code, report } = await checkJson(['nested.zip'], tmp.root);
  assert.equal(code, 1);
  for (const entry of ['inner.zip', 'inner.json', 'data.json.gz', 'x.rar', 'x.7z']) {
    const f = byPath(report).get(`nested.zip!/${entry}`)!;
    assert.deepEqual(
      f.diagnostics.map((d) => d.rule),
      ['rro/archive'],
      entry,
    );
    assert.doesNotMatch(f.diagnostics[0].message, /KOI8|1251|encoding/i);
  }
  assert.deepEqual(rules(report, 'nested.zip!/ok.json'), []);
});

test('control characters in entry names are escaped in text, JSON and SARIF output', async () => {
  const forged = 'a.json:1:1: error rro/x\nnested.zip!/b\u001b[31m\u202e.json';
  tmp.write('names.zip', buildZip([{ name: forged, data: Buffer.from('{') }]));
  const text = await runCli(['check', '--today', '2026-11-25', 'names.zip'], { cwd: tmp.root });
  assert.equal(text.code, 1);
  assert.doesNotMatch(text.stdout, /[\u0000-\u0009\u000b-\u001f\u202e]/);
  const lines = text.stdout.trim().split('\n');
  assert.ok(
    lines.slice(0, -1).every((l) => l.startsWith('names.zip!/')),
    text.stdout,
  );
  const { report } = await checkJson(['names.zip'], tmp.root);
  assert.ok(report.files.every((f) => !/[\u0000-\u001f\u202e]/.test(f.path)));
  const sarif = await runCli(['check', '--format', 'sarif', '--today', '2026-11-25', 'names.zip'], { cwd: tmp.root });
  assert.doesNotMatch(sarif.stdout, /[\u0000-\u0009\u000b-\u001f\u202e]/);
});
