// `rro send` end to end: the real CLI binary against the emulator on 127.0.0.1.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../server/src/emulator';
import { loadReport, type ReportEntry, type SendReport } from '../../server/src/send';
import { appeal, CLI, final, inWork, runCli, tempDir, writeJson } from './helpers';

function byFile(report: SendReport): Map<string, ReportEntry> {
  return new Map(report.files.map((f) => [f.file, f]));
}

function reportPath(stderr: string): string {
  const m = /report: (\S+\.json)/.exec(stderr);
  assert.ok(m, `no report path in: ${stderr}`);
  return m[1];
}

test('a mixed folder: valid accepted, А26 unknown rejected, broken skipped; the emulator holds exactly the accepted', async () => {
  const emu = await startEmulator();
  const cwd = tempDir();
  const dir = path.join(cwd, 'out');
  for (let i = 1; i <= 5; i++) writeJson(path.join(dir, i % 2 ? 'a' : 'b'), `ok-${i}.json`, appeal(`OK-${i}`));
  writeJson(dir, 'a26-1.json', appeal('А26-00-000000001'));
  writeJson(dir, 'bad-date.json', appeal('BAD-1', [{ ...inWork('0015'), incomingDate: '2026-02-30' }]));
  writeJson(dir, 'null.json', { departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505', year: 2025, month: 10 });
  writeJson(dir, 'notes.json', 'not json at all');
  writeJson(path.join(dir, '.rro', 'reports'), 'old.json', appeal('HIDDEN-1'));
  try {
    // The same gate as `rro pack`: files with errors and neither --only-valid nor --allow-errors.
    const gated = await runCli(['send', 'out', '--url', `${emu.url}/IPCP`, '--yes'], { cwd });
    assert.equal(gated.code, 1, gated.stderr);
    assert.match(gated.stdout, /out\/bad-date\.json/, 'names the files with errors');
    assert.match(gated.stderr, /--only-valid/);
    assert.equal(emu.stats.requests, 0, 'nothing sent');
    const both = await runCli(['send', 'out', '--url', emu.url, '--only-valid', '--allow-errors'], { cwd });
    assert.equal(both.code, 2);

    const refused = await runCli(['send', 'out', '--url', `${emu.url}/IPCP`, '--only-valid'], { cwd });
    assert.equal(refused.code, 2, 'no TTY and no --yes: refuse');
    assert.match(
      refused.stderr,
      new RegExp(`6 to send to 127\\.0\\.0\\.1:${emu.port}`),
      'names the host and the count',
    );
    assert.equal(emu.stats.requests, 0, 'nothing left the machine');

    const run = await runCli(
      ['send', 'out', '--url', `${emu.url}/IPCP`, '--yes', '--only-valid', '--report-dir', 'reports'],
      { cwd },
    );
    assert.equal(run.code, 1, run.stderr);
    const file = reportPath(run.stderr);
    assert.ok(file.startsWith(path.join(cwd, 'reports')));
    assert.ok(existsSync(file.replace(/\.json$/, '.md')));
    const report = loadReport(file);
    const files = byFile(report);
    assert.equal(report.state, 'finished');
    assert.equal(report.files.length, 9, 'the .rro folder is never walked');
    for (let i = 1; i <= 5; i++) assert.equal(files.get(`out/${i % 2 ? 'a' : 'b'}/ok-${i}.json`)?.status, 'accepted');
    const rejected = files.get('out/a26-1.json')!;
    assert.deepEqual(
      [rejected.status, rejected.httpStatus, rejected.attempts, rejected.pointer],
      ['rejected', 500, 1, ''],
    );
    assert.match(rejected.message!, /А26-00-000000001/);
    assert.deepEqual(
      [files.get('out/bad-date.json')?.status, files.get('out/bad-date.json')?.reason],
      ['skipped', 'gate-errors'],
    );
    assert.deepEqual(files.get('out/bad-date.json')?.errors, ['rro/date-invalid /questions/0/incomingDate']);
    assert.equal(files.get('out/null.json')?.reason, 'null-report');
    assert.equal(files.get('out/notes.json')?.status, 'skipped');
    for (const f of report.files) assert.match(f.sha256, /^[0-9a-f]{64}$/);
    assert.deepEqual(report.totals, { accepted: 5, rejected: 1, failed: 0, unknown: 0, skipped: 3, 'not-sent': 0 });
    // The emulator's state matches the report.
    const accepted = report.files
      .filter((f) => f.status === 'accepted')
      .map((f) => (JSON.parse(readFileSync(f.path, 'utf8')) as { number: string }).number);
    assert.deepEqual(emu.state.appeals.map((a) => a.number).sort(), accepted.sort());
    assert.ok(emu.state.appeals.every((a) => a.imports === 1));
    assert.equal(emu.stats.requests, 6);
  } finally {
    await emu.close();
  }
});

test('resume sends exactly what was not accepted, and an accepted file again only when it changed', async () => {
  const emu = await startEmulator();
  const cwd = tempDir();
  for (let i = 1; i <= 4; i++)
    writeJson(path.join(cwd, 'in'), `ok-${i}.json`, appeal(`R-${i}`, [final('0015', 'Answered')]));
  const a26 = writeJson(path.join(cwd, 'in'), 'later.json', appeal('А26-00-000000009'));
  try {
    const first = await runCli(['send', 'in', '--url', emu.url, '--yes'], { cwd });
    assert.equal(first.code, 1);
    const firstReport = reportPath(first.stderr);
    assert.ok(firstReport.startsWith(path.join(cwd, '.rro', 'reports')), 'default report dir');
    assert.equal(emu.stats.requests, 5);

    // The user fixes the rejected file; resending the accepted ones would duplicate attachments.
    writeJson(path.dirname(a26), 'later.json', appeal('R-9'));
    const second = await runCli(['send', '--resume', firstReport, '--yes'], { cwd });
    assert.equal(second.code, 0, second.stderr + second.stdout);
    assert.equal(emu.stats.requests, 6, 'only the one not accepted was sent');
    const report2 = loadReport(reportPath(second.stderr));
    assert.equal(report2.resumedFrom, firstReport);
    const carried = report2.files.filter((f) => f.reason === 'already-accepted');
    assert.equal(carried.length, 4);
    assert.ok(carried.every((f) => f.acceptedBefore === loadReport(firstReport).startedAt && f.attempts === 1));
    assert.equal(report2.totals.accepted, 5);

    writeJson(
      path.join(cwd, 'in'),
      'ok-2.json',
      appeal('R-2', [final('0015', 'Explained', 'новый.txt', 'новый ответ')]),
    );
    const third = await runCli(['send', '--resume', reportPath(second.stderr), '--url', emu.url, '--yes'], { cwd });
    assert.equal(third.code, 0, third.stderr);
    assert.equal(emu.stats.requests, 7, 'the changed file only');
    assert.equal(emu.state.appeals.find((a) => a.number === 'R-2')!.questions[0].status, 'Explained');
    assert.equal(emu.stats.rejected, 1, 'no duplicate attachment was ever sent');
  } finally {
    await emu.close();
  }
});

test('usage errors exit 2 with a reason: no URL, a bad URL, credentials in the URL, bad headers', async () => {
  const cwd = tempDir();
  writeJson(cwd, 'a.json', appeal('U-1'));
  const cases: [string[], NodeJS.ProcessEnv, RegExp][] = [
    [['send', 'a.json'], {}, /--url/],
    [['send', 'a.json', '--url', 'ftp://x'], {}, /http/],
    [['send', 'a.json', '--url', 'http://user:secret@127.0.0.1:9'], {}, /RRO_API_AUTHORIZATION/],
    [['send', 'a.json', '--url', 'http://127.0.0.1:9'], { RRO_API_HEADERS: '[1]' }, /RRO_API_HEADERS/],
    [['send', 'a.json', '--url', 'http://127.0.0.1:9', '--concurrency', '0'], {}, /--concurrency/],
    [['send', 'missing', '--url', 'http://127.0.0.1:9', '--resume', 'nope.json'], {}, /nope\.json/],
  ];
  for (const [args, env, pattern] of cases) {
    const r = await runCli(args, { cwd, env });
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.stderr, pattern);
    assert.doesNotMatch(r.stderr, /secret/, 'a password never echoes');
  }
});

/** Run the CLI on a pseudo-terminal (util-linux `script`), typing `answer` at the prompt. */
function onTerminal(args: string[], cwd: string, answer: string): Promise<{ code: number | null; output: string }> {
  const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;
  const command = [process.execPath, CLI, ...args].map(quote).join(' ');
  const child = spawn('script', ['-qec', command, '/dev/null'], {
    cwd,
    env: { ...process.env, LANG: 'C' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
  child.stdin.end(answer + '\n');
  return new Promise((resolve) => child.once('close', (code) => resolve({ code, output })));
}

test('on a terminal the confirmation names host and count; “n” sends nothing, “y” sends', async () => {
  const emu = await startEmulator();
  const cwd = tempDir();
  writeJson(cwd, 'a.json', appeal('TTY-1'));
  writeJson(cwd, 'b.json', appeal('TTY-2'));
  try {
    const no = await onTerminal(['send', '.', '--url', emu.url], cwd, 'n');
    assert.equal(no.code, 2);
    assert.match(no.output, new RegExp(`Send 2 appeal\\(s\\) with personal data to 127\\.0\\.0\\.1:${emu.port}\\?`));
    assert.equal(emu.stats.requests, 0);
    const yes = await onTerminal(['send', '.', '--url', emu.url], cwd, 'y');
    assert.equal(yes.code, 0, yes.output);
    assert.equal(emu.stats.accepted, 2);
  } finally {
    await emu.close();
  }
});

test('the request: path under the prefix, JSON content type, the body without its BOM, headers from the environment kept out of reports', async () => {
  const seen: { url: string; headers: http.IncomingHttpHeaders; body: Buffer }[] = [];
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ url: req.url!, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(204).end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const port = (server.address() as AddressInfo).port;
  const cwd = tempDir();
  const text = JSON.stringify(appeal('BOM-1'));
  writeJson(cwd, 'bom.json', '\uFEFF' + text);
  try {
    const env = { RRO_API_AUTHORIZATION: 'Bearer s3cr3t-token', RRO_API_HEADERS: '{"X-Client": "rro-tests"}' };
    const r = await runCli(['send', 'bom.json', '--url', `http://127.0.0.1:${port}/IPCP/`, '--yes'], { cwd, env });
    assert.equal(r.code, 0, r.stderr);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].url, '/IPCP/HandlingReportPlugin/Api/Import');
    assert.equal(seen[0].headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(seen[0].headers.authorization, 'Bearer s3cr3t-token');
    assert.equal(seen[0].headers['x-client'], 'rro-tests');
    assert.ok(seen[0].body.equals(Buffer.from(text, 'utf8')), 'the file’s bytes minus the BOM');
    const reportFile = reportPath(r.stderr);
    for (const file of [
      reportFile,
      reportFile.replace(/\.json$/, '.md'),
      reportFile.replace(/\.json$/, '.journal.jsonl'),
    ]) {
      assert.doesNotMatch(readFileSync(file, 'utf8'), /s3cr3t|Тестов/, `${file} holds no secret and no personal data`);
    }
    assert.doesNotMatch(r.stdout + r.stderr, /s3cr3t|Тестов/);
  } finally {
    server.close();
  }
});
