// The real `rro check` on ZIP archives: made by Info-ZIP `zip`, by Python, and by hand for the
// cases no well-behaved tool writes (`..` names, zip bombs, broken CRCs).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { appealWith, TempDir, validText } from './helpers/cases';
import { checkJson, type JsonReport } from './helpers/runCli';
import { buildZip } from './helpers/zipBytes';

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
