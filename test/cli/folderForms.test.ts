// Folders hide nothing (issue 8 point 3), on the real binary: an empty `*.json`, XML saved as
// `.json`, binary data, an array of appeals and JSON Lines are errors in `rro check <folder>`
// and stop `rro pack`, whose summary names every file left out and why; a package.json stays
// silent. `rro split` writes one file per appeal beside the original, never overwriting.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { TempDir, validAppeal, validText } from './helpers/cases';
import { checkJson, runCli } from './helpers/runCli';

const tmp = new TempDir();
after(() => tmp.remove());

const one = validText('in-work.json');
const a = validAppeal();
const second = { ...a, number: 'А26-05-84857211-СО2' };
const ARRAY = JSON.stringify([a, second], null, 2);
const LINES = `${JSON.stringify(a)}\n${JSON.stringify(second)}\n`;

function folder(name: string): string {
  tmp.write(`${name}/ok.json`, one);
  tmp.write(`${name}/empty.json`, '');
  tmp.write(`${name}/export-1c.json`, '<?xml version="1.0" encoding="UTF-8"?>\n<Обращения><Обращение/></Обращения>\n');
  tmp.write(`${name}/photo.json`, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00]));
  tmp.write(`${name}/broken.json`, '{"departmentId": "x", ');
  tmp.write(`${name}/two.json`, ARRAY);
  tmp.write(`${name}/lines.json`, LINES);
  tmp.write(`${name}/package.json`, '{"name":"exports","version":"1.0.0","scripts":{}}');
  tmp.write(`${name}/.vscode/settings.json`, '{"rro.files":["**/*.json"]}');
  return tmp.path(name);
}

const rulesOf = (report: Awaited<ReturnType<typeof checkJson>>['report'], file: string): string[] =>
  report.files.find((f) => f.path.endsWith(file))!.diagnostics.map((d) => `${d.rule} ${d.severity} ${d.pointer}`);

test('rro check <folder>: not-JSON files and several appeals are errors; ordinary JSON stays silent', async () => {
  folder('check');
  const { code, report } = await checkJson(['check'], tmp.root);
  assert.equal(code, 1);
  assert.deepEqual(rulesOf(report, 'empty.json'), ['rro/not-json error ']);
  assert.deepEqual(rulesOf(report, 'export-1c.json'), ['rro/not-json error ']);
  assert.deepEqual(rulesOf(report, 'photo.json'), ['rro/not-json error ']);
  assert.ok(rulesOf(report, 'broken.json').every((r) => r.startsWith('rro/json-syntax error')));
  assert.ok(rulesOf(report, 'broken.json').length > 0);
  assert.deepEqual(rulesOf(report, 'two.json'), ['rro/several-documents error ']);
  assert.deepEqual(rulesOf(report, 'lines.json'), ['rro/several-documents error ']);
  assert.equal(report.files.find((f) => f.path.endsWith('two.json'))!.kind, 'several');
  assert.deepEqual(rulesOf(report, 'package.json'), []);
  assert.deepEqual(rulesOf(report, 'settings.json'), []);
  assert.deepEqual(rulesOf(report, 'ok.json'), []);
  // The array's range is the whole root array: line 0 to its last line.
  const d = report.files.find((f) => f.path.endsWith('two.json'))!.diagnostics[0];
  assert.deepEqual(d.range.start, { line: 0, character: 0 });
  assert.equal(d.range.end.line, ARRAY.split('\n').length - 1);
});

test('rro pack refuses such a folder, names every file and why; --only-valid leaves them out by name', async () => {
  const dir = folder('pack');
  const refused = await runCli(['pack', dir, '-o', tmp.path('refused.zip'), '--today', '2026-11-25', '--json']);
  assert.equal(refused.code, 1);
  const r = JSON.parse(refused.stdout) as {
    status: string;
    withErrors: { path: string; errors: { rule: string }[] }[];
    leftOut: { path: string; reason: string; detail: string }[];
  };
  assert.equal(r.status, 'refused');
  assert.deepEqual(r.withErrors.map((f) => [f.path, f.errors[0].rule]).sort(), [
    ['broken.json', 'rro/json-syntax'],
    ['empty.json', 'rro/not-json'],
    ['export-1c.json', 'rro/not-json'],
    ['lines.json', 'rro/several-documents'],
    ['photo.json', 'rro/not-json'],
    ['two.json', 'rro/several-documents'],
  ]);
  assert.ok(!existsSync(tmp.path('refused.zip')));

  const only = await runCli(['pack', dir, '-o', tmp.path('only.zip'), '--today', '2026-11-25', '--only-valid']);
  assert.equal(only.code, 0, only.stderr);
  for (const f of ['broken.json', 'empty.json', 'export-1c.json', 'lines.json', 'photo.json', 'two.json'])
    assert.match(only.stderr, new RegExp(`^  ${f.replace('.', '\\.')}: .+`, 'm'), `${f} is not named`);
  assert.match(only.stderr, /two\.json: has errors \(rro\/several-documents\)/);
  assert.match(only.stderr, /package\.json: JSON, but neither/);
  const names = execFileSync('python3', [
    '-c',
    'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))',
    tmp.path('only.zip'),
  ])
    .toString()
    .trim()
    .split('\n');
  assert.deepEqual(names, ['ok.json']);
});

test('rro split: one file per appeal beside the original, names derived from it, never overwriting', async () => {
  tmp.write('split/two.json', ARRAY);
  tmp.write('split/two-1.json', 'mine, not to be touched');
  const run = await runCli(['split', 'split/two.json'], { cwd: tmp.root });
  assert.equal(run.code, 0, run.stderr);
  assert.deepEqual(readdirSync(tmp.path('split')).sort(), ['two-1-2.json', 'two-1.json', 'two-2.json', 'two.json']);
  assert.equal(readFileSync(tmp.path('split/two-1.json'), 'utf8'), 'mine, not to be touched');
  assert.deepEqual(JSON.parse(readFileSync(tmp.path('split/two-1-2.json'), 'utf8')), a);
  assert.deepEqual(JSON.parse(readFileSync(tmp.path('split/two-2.json'), 'utf8')), second);
  assert.match(run.stdout, /two-1-2\.json/);
  assert.match(run.stderr, /two\.json is kept/);
  // The parts are appeals that check clean, moved left out of the array's indentation.
  const check = await checkJson(['split/two-1-2.json', 'split/two-2.json'], tmp.root);
  assert.equal(check.code, 0, JSON.stringify(check.report));
  assert.ok(readFileSync(tmp.path('split/two-2.json'), 'utf8').startsWith('{\n  "'));

  tmp.write('split/lines.json', LINES);
  const removed = await runCli(['split', '--remove', 'split/lines.json'], { cwd: tmp.root });
  assert.equal(removed.code, 0, removed.stderr);
  assert.ok(!existsSync(tmp.path('split/lines.json')));
  assert.deepEqual(JSON.parse(readFileSync(tmp.path('split/lines-1.json'), 'utf8')), a);

  tmp.write('split/single.json', one);
  const single = await runCli(['split', 'split/single.json'], { cwd: tmp.root });
  assert.equal(single.code, 1);
  assert.ok(!existsSync(tmp.path('split/single-1.json')));

  const dry = await runCli(['split', '--dry-run', 'split/two.json'], { cwd: tmp.root });
  assert.equal(dry.code, 0);
  assert.ok(!existsSync(tmp.path('split/two-2-2.json')));
  assert.match(dry.stdout, /two-2-2\.json/);

  assert.equal((await runCli(['split'], { cwd: tmp.root })).code, 2);
  assert.equal((await runCli(['split', 'split/missing.json'], { cwd: tmp.root })).code, 2);
  assert.equal((await runCli(['split', '--bogus', 'split/two.json'], { cwd: tmp.root })).code, 2);
});

test('realistic payloads on the real binary: JavaScript zoned dates, .NET full codes, 1C day-first dates', async () => {
  const q = a.questions[0];
  // JavaScript: new Date(2016, 10, 15).toISOString() in Moscow.
  tmp.write('real/js.json', JSON.stringify({ ...a, createDate: '2016-11-14T21:00:00.000Z' }, null, 2));
  // .NET (Newtonsoft): DateTime midnight, nulls for unused objects, full four-group codes.
  tmp.write(
    'real/dotnet.json',
    JSON.stringify(
      { ...a, createDate: '2016-11-15T00:00:00', questions: [{ ...q, code: '0005.0005.0055.1122', attachment: null }] },
      null,
      2,
    ),
  );
  const run = await runCli(['check', '--format', 'json', '--today', '2026-11-25', 'real'], {
    cwd: tmp.root,
    env: { TZ: 'Europe/Moscow' },
  });
  assert.equal(run.code, 0, run.stdout); // a warning and an info: importable
  const report = JSON.parse(run.stdout) as Awaited<ReturnType<typeof checkJson>>['report'];
  const js = report.files.find((f) => f.path.endsWith('js.json'))!.diagnostics;
  assert.deepEqual(
    js.map((d) => [d.rule, d.severity, d.pointer]),
    [['rro/date-zone', 'warning', '/createDate']],
  );
  assert.match(js[0].message, /2016-11-15/); // the local date of that instant in Moscow
  const dotnet = report.files.find((f) => f.path.endsWith('dotnet.json'))!.diagnostics;
  assert.deepEqual(
    dotnet.map((d) => [d.rule, d.severity, d.pointer]),
    [['rro/code-full', 'info', '/questions/0/code']],
  );
  const strict = await runCli(['check', '--today', '2026-11-25', '--rule', 'code-full=error', 'real/dotnet.json'], {
    cwd: tmp.root,
  });
  assert.equal(strict.code, 1); // a platform on format 4.0

  // 1C: an export with day-first dates is still an appeal, with a fix per date.
  tmp.write('real/1c.json', JSON.stringify({ ...a, createDate: '15.11.2016' }, null, 2));
  const onec = await checkJson(['real/1c.json'], tmp.root);
  assert.equal(onec.code, 1);
  assert.deepEqual(
    onec.report.files[0].diagnostics.map((d) => [d.rule, d.pointer]),
    [['rro/date-format', '/createDate']],
  );
});
