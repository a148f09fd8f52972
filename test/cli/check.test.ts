// The real `rro check` (dist/cli.js) on files and folders: exit codes, the exact JSON shape,
// text lines, options.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { appealWith, positionOf, TempDir, VALID_DIR, validAppeal, validText } from './helpers/cases';
import { checkJson, FIXTURES, ROOT, runCli, type JsonReport } from './helpers/runCli';

const tmp = new TempDir();
after(() => tmp.remove());

const BAD_CODE = appealWith({ code: '0001.0002.0027.147' });
const bad = tmp.write('mixed/bad.json', BAD_CODE);
tmp.write('mixed/ok.json', validText('in-work.json'));
tmp.write('mixed/sub/package.json', '{"name":"x","version":"1.0.0"}');
tmp.write('mixed/notes.txt', 'not json, not checked in a folder');

/** Every object in the report has exactly the documented keys, in the documented order. */
function assertExactShape(report: JsonReport): void {
  assert.deepEqual(Object.keys(report), ['version', 'files', 'summary']);
  assert.equal(report.version, 1);
  assert.deepEqual(Object.keys(report.summary), ['files', 'errors', 'warnings']);
  for (const f of report.files) {
    assert.deepEqual(Object.keys(f), ['path', 'kind', 'diagnostics']);
    assert.ok(['appeal', 'null-report', 'unknown'].includes(f.kind));
    for (const d of f.diagnostics) {
      assert.deepEqual(Object.keys(d), ['rule', 'severity', 'message', 'pointer', 'range']);
      assert.match(d.rule, /^rro\/[a-z-]+$/);
      assert.ok(['error', 'warning', 'info', 'hint'].includes(d.severity));
      assert.equal(typeof d.message, 'string');
      assert.ok(d.message.length > 0);
      assert.ok(d.pointer === '' || d.pointer.startsWith('/'));
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      for (const p of [d.range.start, d.range.end]) {
        assert.deepEqual(Object.keys(p), ['line', 'character']);
        assert.ok(Number.isInteger(p.line) && p.line >= 0 && Number.isInteger(p.character) && p.character >= 0);
      }
    }
  }
  const count = (s: string) => report.files.flatMap((f) => f.diagnostics).filter((d) => d.severity === s).length;
  assert.deepEqual(report.summary, { files: report.files.length, errors: count('error'), warnings: count('warning') });
}

test('the valid fixtures folder: exit 0, every file an appeal or null report, exact JSON shape', async () => {
  const { code, report } = await checkJson([VALID_DIR]);
  assertExactShape(report);
  assert.equal(code, 0);
  assert.ok(report.files.length >= 10);
  assert.deepEqual(
    report.files.map((f) => f.path),
    [...report.files.map((f) => f.path)].sort(),
  );
  for (const f of report.files) assert.deepEqual(f.diagnostics, [], f.path);
  assert.equal(report.files.find((f) => f.path.endsWith('null-report.json'))?.kind, 'null-report');
});

test('a folder: *.json only, recursive, unknown documents listed without diagnostics; errors give exit 1', async () => {
  const { code, report } = await checkJson(['mixed'], tmp.root);
  assertExactShape(report);
  assert.equal(code, 1);
  assert.deepEqual(
    report.files.map((f) => [f.path, f.kind]),
    [
      [path.join('mixed', 'bad.json'), 'appeal'],
      [path.join('mixed', 'ok.json'), 'appeal'],
      [path.join('mixed', 'sub', 'package.json'), 'unknown'],
    ],
  );
  const [d] = report.files[0].diagnostics;
  assert.equal(d.rule, 'rro/code-format');
  assert.equal(d.severity, 'error');
  assert.equal(d.pointer, '/questions/0/code');
  const start = positionOf(BAD_CODE, '"0001.0002.0027.147"');
  assert.deepEqual(d.range, {
    start,
    end: { line: start.line, character: start.character + '"0001.0002.0027.147"'.length },
  });
  assert.deepEqual(report.files[2].diagnostics, []);
});

test('a file named on the command line must be an РРО document', async () => {
  const { code, report } = await checkJson([path.join('mixed', 'sub', 'package.json')], tmp.root);
  assert.equal(code, 1);
  assert.equal(report.files[0].kind, 'unknown');
  assert.deepEqual(
    report.files[0].diagnostics.map((d) => [d.rule, d.pointer]),
    [['rro/not-rro-document', '']],
  );
});

test('text format: path:line:col: severity rule message (1-based), then a summary line', async () => {
  const run = await runCli(['check', '--today', '2026-11-25', bad]);
  assert.equal(run.code, 1);
  const lines = run.stdout.trimEnd().split('\n');
  const start = positionOf(BAD_CODE, '"0001.0002.0027.147"');
  assert.match(
    lines[0],
    new RegExp(`^${escape(bad)}:${start.line + 1}:${start.character + 1}: error rro/code-format \\S`),
  );
  assert.equal(lines.length, 2);
  assert.match(lines[1], /\b1\b.*\b1\b.*\b0\b/); // files 1, errors 1, warnings 0
});

test('ranges are 0-based UTF-16 code units, like LSP', async () => {
  const text = JSON.stringify({
    ...validAppeal(),
    name: '😀 Иванов 😀',
    questions: [{ ...validAppeal().questions[0], code: '12' }],
  });
  const file = tmp.write('utf16.json', text);
  const { report } = await checkJson([file]);
  const d = report.files[0].diagnostics.find((x) => x.rule === 'rro/code-format')!;
  assert.deepEqual(d.range.start, positionOf(text, '"12"'));
});

test('exit 2 with one line and no stack trace when the command cannot run', async () => {
  const cases: string[][] = [
    ['check'],
    ['check', 'no-such-folder'],
    ['check', '--format', 'xml', 'mixed'],
    ['check', '--format'],
    ['check', '--rule', 'rro/no-such-rule=error', 'mixed'],
    ['check', '--rule', 'rro/code-format=fatal', 'mixed'],
    ['check', '--rule', 'code-format', 'mixed'],
    ['check', '--today', '2026-02-30', 'mixed'],
    ['check', '--bogus', 'mixed'],
    ['check', '--classifier', 'missing.csv', 'mixed'],
  ];
  for (const args of cases) {
    const run = await runCli(args, { cwd: tmp.root });
    assert.equal(run.code, 2, args.join(' '));
    assert.equal(run.stdout, '', args.join(' '));
    assert.equal(run.stderr.trimEnd().split('\n').length, 1, `${args.join(' ')}: ${run.stderr}`);
    assert.doesNotMatch(run.stderr, /\n\s+at /);
  }
  const help = await runCli(['check', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--format/);
});

test('an unreadable entry in a folder: the rest is checked, the entry is named, exit 2', async () => {
  const dir = new TempDir();
  try {
    dir.write('a.json', validText('in-work.json'));
    symlinkSync(dir.path('gone.json'), dir.path('dangling.json'));
    const { code, report, stderr } = await checkJson([dir.root]);
    assert.equal(code, 2);
    assert.deepEqual(
      report.files.map((f) => path.basename(f.path)),
      ['a.json'],
    );
    assert.match(stderr, /dangling\.json/);
  } finally {
    dir.remove();
  }
});

test('--rule changes or silences a rule; --quiet keeps errors only', async () => {
  const asWarning = await checkJson(['--rule', 'rro/code-format=warning', bad]);
  assert.equal(asWarning.code, 0);
  assert.equal(asWarning.report.files[0].diagnostics[0].severity, 'warning');
  const off = await checkJson(['--rule', 'code-format=off', bad]);
  assert.deepEqual(off.report.files[0].diagnostics, []);
  const excluded = tmp.write('excluded.json', appealWith({ code: '0147' }));
  const loud = await checkJson([excluded]);
  assert.deepEqual(
    loud.report.files[0].diagnostics.map((d) => [d.rule, d.severity, d.pointer]),
    [['rro/code-excluded', 'warning', '/questions/0/code']],
  );
  const quiet = await checkJson(['--quiet', excluded, bad]);
  assert.deepEqual(
    quiet.report.files.map((f) => f.diagnostics.map((d) => d.rule)),
    [[], ['rro/code-format']],
  );
});

test('--today is the date "future" is judged against', async () => {
  const dates = { incomingDate: '2026-12-02', registrationDate: '2026-12-03' };
  const file = tmp.write('future.json', appealWith(dates, { createDate: '2026-12-01' }));
  const before = await checkJson([file]); // --today 2026-11-25 (checkJson's default)
  assert.deepEqual(before.report.files[0].diagnostics.map((d) => [d.rule, d.pointer]).sort(), [
    ['rro/date-future', '/createDate'],
    ['rro/date-future', '/questions/0/incomingDate'],
    ['rro/date-future', '/questions/0/registrationDate'],
  ]);
  const later = await checkJson(['--today', '2027-01-01', file]);
  assert.deepEqual(later.report.files[0].diagnostics, []);
});

test('--attachments-required turns a missing attachment into an error', async () => {
  const answered = JSON.parse(validText('answered.json')) as { questions: Record<string, unknown>[] };
  delete answered.questions[0].attachment;
  const file = tmp.write('no-attachment.json', JSON.stringify(answered, null, 2));
  const lenient = await checkJson([file]);
  assert.equal(lenient.code, 0);
  assert.deepEqual(
    lenient.report.files[0].diagnostics.map((d) => [d.rule, d.severity, d.pointer]),
    [['rro/attachment-missing', 'warning', '/questions/0/attachment']],
  );
  const strict = await checkJson(['--attachments-required', file]);
  assert.equal(strict.code, 1);
  assert.equal(strict.report.files[0].diagnostics[0].severity, 'error');
});

test('--classifier: unknown codes become errors; a broken classifier is exit 2 with its location', async () => {
  const classifier = path.join(FIXTURES, 'classifier', 'classifier-1251.csv');
  const unknown = tmp.write('unknown-code.json', appealWith({ code: '0002' }));
  const withIt = await checkJson(['--classifier', classifier, unknown, path.join(VALID_DIR, 'in-work.json')]);
  assert.equal(withIt.code, 1);
  assert.deepEqual(
    withIt.report.files.map((f) => f.diagnostics.map((d) => [d.rule, d.pointer])),
    [[['rro/code-unknown', '/questions/0/code']], []],
  );
  const without = await checkJson([unknown]);
  assert.equal(without.code, 0);
  const broken = tmp.write('broken.csv', 'Код;Наименование\n0001.0002.0027.0147;a\nbad-code;b\n');
  const run = await runCli(['check', '--classifier', broken, unknown]);
  assert.equal(run.code, 2);
  assert.match(run.stderr, new RegExp(`${escape(broken)}:3:1`));
});

test('messages follow --lang and LANG; rule ids and paths do not', async () => {
  const en = await runCli(['check', '--format', 'json', bad], { env: { LANG: 'en_US.UTF-8' } });
  const ru = await runCli(['check', '--format', 'json', bad], { env: { LANG: 'ru_RU.UTF-8' } });
  const ruFlag = await runCli(['check', '--lang', 'ru', '--format', 'json', bad], { env: { LANG: 'en_US.UTF-8' } });
  const [e, r, f] = [en, ru, ruFlag].map((x) => (JSON.parse(x.stdout) as JsonReport).files[0].diagnostics[0]);
  assert.notEqual(e.message, r.message);
  assert.equal(r.message, f.message);
  assert.deepEqual([e.rule, e.pointer, e.range], [r.rule, r.pointer, r.range]);
});

test('files in Windows-1251 or with a BOM: judged from the bytes, in files as in folders', async () => {
  const text = validText('in-work.json');
  const cp1251 = tmp.path('enc/cp1251.json');
  tmp.write('enc/src.txt', text);
  execFileSync('python3', [
    '-c',
    'import sys; open(sys.argv[2], "wb").write(open(sys.argv[1], encoding="utf-8").read().encode("cp1251"))',
    tmp.path('enc/src.txt'),
    cp1251,
  ]);
  tmp.write('enc/bom.json', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]));
  for (const args of [[tmp.path('enc')], [cp1251, tmp.path('enc/bom.json')]]) {
    const { code, report } = await checkJson(args);
    assert.equal(code, 1);
    assert.deepEqual(
      report.files
        .map((f) => [path.basename(f.path), f.kind, f.diagnostics.map((d) => [d.rule, d.severity, d.pointer])])
        .sort(),
      [
        ['bom.json', 'appeal', [['rro/bom', 'warning', '']]],
        ['cp1251.json', 'appeal', [['rro/encoding', 'error', '']]],
      ],
    );
  }
});

test('a file named twice, or named and inside a named folder, is checked once', async () => {
  const { report } = await checkJson([bad, bad, path.dirname(bad)]);
  assert.equal(report.files.filter((f) => f.path.endsWith('bad.json')).length, 1);
});

test('the $rro problem matcher in package.json reads every text line of the real output', async () => {
  const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    contributes: {
      problemPatterns: {
        name: string;
        regexp: string;
        file: number;
        line: number;
        column: number;
        severity: number;
        code: number;
      }[];
    };
  };
  const pattern = manifest.contributes.problemPatterns.find((p) => p.name === 'rro')!;
  const re = new RegExp(pattern.regexp);
  const excluded = tmp.write('matcher/excluded.json', appealWith({ code: '0147' }));
  tmp.write('matcher/bad.json', BAD_CODE);
  const run = await runCli(['check', '--today', '2026-11-25', path.dirname(excluded)]);
  const lines = run.stdout.trimEnd().split('\n');
  assert.equal(lines.length, 3); // two findings and the summary
  const start = positionOf(BAD_CODE, '"0001.0002.0027.147"');
  const first = re.exec(lines[0])!;
  assert.deepEqual(
    [first[pattern.file], first[pattern.line], first[pattern.column], first[pattern.severity], first[pattern.code]],
    [
      path.join(path.dirname(excluded), 'bad.json'),
      String(start.line + 1),
      String(start.character + 1),
      'error',
      'rro/code-format',
    ],
  );
  assert.equal(re.exec(lines[1])![pattern.code], 'rro/code-excluded');
  assert.equal(re.exec(lines[2]), null, 'the summary is not a problem');
});

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
