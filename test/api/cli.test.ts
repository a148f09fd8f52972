// `rro departments`, `rro null-report`, `rro serve --data`: the real binary.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../server/src/engine';
import { NULL_REPORT_FIELDS } from '../../server/src/format/table';
import { spanOfPointer } from '../../server/src/send';
import { appeal, DEPARTMENT, httpJson, runCli, startServeChild, tempDir, writeJson } from './helpers';

test('rro departments: 5-character minimum explained, `id  name` lines, JSON, exit 1 when none', async () => {
  const dir = tempDir();
  writeJson(dir, 'deps.json', [
    { id: DEPARTMENT, name: 'Калужская область / Никольское сельское поселение' },
    { id: '11111111-2222-3333-4444-555555555555', name: 'Калужская область / Администрация' },
  ]);
  const serve = await startServeChild(['--departments', 'deps.json'], dir);
  try {
    const short = await runCli(['departments', 'Нико', '--url', serve.url]);
    assert.equal(short.code, 2);
    assert.match(short.stderr, /5/);
    const found = await runCli(['departments', 'никольское', '--url', serve.url]);
    assert.equal(found.code, 0, found.stderr);
    assert.equal(found.stdout, `${DEPARTMENT}  Калужская область / Никольское сельское поселение\n`);
    const json = await runCli(['departments', 'КАЛУЖСКАЯ', '--url', serve.url, '--format', 'json']);
    assert.equal((JSON.parse(json.stdout) as unknown[]).length, 2);
    const none = await runCli(['departments', 'Тульская', '--url', serve.url]);
    assert.deepEqual([none.code, none.stdout], [1, '']);
  } finally {
    serve.child.kill('SIGTERM');
    await serve.done;
  }
});

test('rro null-report: the spec §7 layout for a past month; refuses a month not ended and bad input', async () => {
  const dir = tempDir();
  const ok = await runCli(
    ['null-report', '--department', DEPARTMENT, '--year', '2025', '--month', '10', '-o', 'null.json'],
    { cwd: dir },
  );
  assert.equal(ok.code, 0, ok.stderr);
  const text = readFileSync(path.join(dir, 'null.json'), 'utf8');
  const written = JSON.parse(text) as Record<string, unknown>;
  assert.deepEqual(
    Object.keys(written),
    NULL_REPORT_FIELDS.map((f) => f.name),
  );
  assert.deepEqual(written, { departmentId: DEPARTMENT, year: 2025, month: 10 });
  const check = checkText(text, { today: new Date().toISOString().slice(0, 10), expectRro: true });
  assert.equal(check.kind, 'null-report');
  assert.deepEqual(
    check.findings.filter((f) => f.severity === 'error'),
    [],
  );

  const dflt = await runCli(['null-report', '--department', DEPARTMENT]);
  assert.equal(dflt.code, 0);
  const now = new Date();
  const prev =
    now.getUTCMonth() === 0
      ? { year: now.getUTCFullYear() - 1, month: 12 }
      : { year: now.getUTCFullYear(), month: now.getUTCMonth() };
  assert.deepEqual(JSON.parse(dflt.stdout), { departmentId: DEPARTMENT, ...prev });

  const current = ['--year', String(now.getUTCFullYear()), '--month', String(now.getUTCMonth() + 1)];
  for (const args of [current, ['--year', '2025', '--month', '13'], ['--year', '2025'], []]) {
    const department = args.length === 0 ? ['--department', 'not-a-guid'] : ['--department', DEPARTMENT];
    const r = await runCli(['null-report', ...department, ...args]);
    assert.equal(r.code, 2, args.join(' '));
    assert.notEqual(r.stderr, '');
  }
});

test('rro serve --data: the state survives a restart, written atomically', async () => {
  const dir = tempDir();
  const first = await startServeChild(['--data', 'state.json'], dir);
  const imported = await httpJson('POST', `${first.url}/HandlingReportPlugin/Api/Import`, appeal('S-1'));
  assert.equal(imported.status, 204);
  first.child.kill('SIGTERM');
  assert.equal((await first.done).code, 0);
  const second = await startServeChild(['--data', 'state.json'], dir);
  try {
    const state = (await httpJson('GET', `${second.url}/state`)).json as { appeals: { number: string }[] };
    assert.deepEqual(
      state.appeals.map((a) => a.number),
      ['S-1'],
    );
  } finally {
    second.child.kill('SIGTERM');
    await second.done;
  }
  const bad = await runCli(['serve', '--port', '0', '--fail-rate', '2']);
  assert.equal(bad.code, 2);
});

test('every send/emulator message exists in Russian and English', () => {
  const root = path.join(__dirname, '..', '..', '..', 'l10n');
  const en = Object.keys(JSON.parse(readFileSync(path.join(root, 'send.en.json'), 'utf8')) as object).sort();
  const ru = Object.keys(JSON.parse(readFileSync(path.join(root, 'send.ru.json'), 'utf8')) as object).sort();
  assert.deepEqual(ru, en);
});

test('a rejection’s pointer maps to its node; the document itself to its opening brace', () => {
  const text = '\uFEFF{\n  "Questions": [ {"code": "0015"}, {"code": "9876"} ]\n}';
  const at = (offset: number, length: number): string => text.slice(offset, offset + length);
  const q = spanOfPointer(text, '/questions/1/code');
  assert.equal(at(q.offset, q.length), '"9876"');
  assert.deepEqual(spanOfPointer(text, ''), { offset: 1, length: 1 });
  assert.deepEqual(spanOfPointer(text, '/nope/3'), { offset: 1, length: 0 });
});

test('--help of send, serve, status, departments and null-report prints the usage and exits 0', async () => {
  for (const command of ['send', 'serve', 'status', 'departments', 'null-report']) {
    const r = await runCli([command, '--help']);
    assert.equal(r.code, 0, command);
    assert.match(r.stdout, new RegExp(`rro ${command}`));
  }
});
