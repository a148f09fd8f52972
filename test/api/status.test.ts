// `rro status` (the real CLI) against the emulator's request log: received, dispatched,
// uploaded as the emulator's clock advances, a later failure pointing at its question, an
// appeal the platform does not know, and a platform that publishes no log (404).
import assert from 'node:assert/strict';
import { once } from 'node:events';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { test } from 'node:test';
import { startEmulator } from '../../server/src/emulator';
import type { StatusResult } from '../../server/src/send';
import { appeal, final, inWork, runCli, tempDir, writeJson } from './helpers';

function reportPath(stderr: string): string {
  const m = /report: (\S+\.json)/.exec(stderr);
  assert.ok(m, stderr);
  return m[1];
}

test('rro status: received → dispatched → uploaded on the schedule; failed later on its question; exit codes', async () => {
  let offset = 0;
  const emu = await startEmulator({
    now: () => Date.now() + offset,
    requestLog: { dispatchAfterMs: 60_000, uploadAfterMs: 120_000 },
    failLater: (a) => a.number === 'ST-3',
  });
  const cwd = tempDir();
  writeJson(path.join(cwd, 'in'), 'a.json', appeal('ST-1'));
  writeJson(path.join(cwd, 'in'), 'b.json', appeal('ST-2', [final('0015', 'Answered')]));
  writeJson(path.join(cwd, 'in'), 'c.json', appeal('ST-3', [inWork('0015')]));
  try {
    const sent = await runCli(['send', 'in', '--url', emu.url, '--yes'], { cwd });
    assert.equal(sent.code, 0, sent.stderr);
    const report = reportPath(sent.stderr);

    const json = async (): Promise<{ code: number | null; result: StatusResult }> => {
      const r = await runCli(['status', report, '--format', 'json'], { cwd });
      return { code: r.code, result: JSON.parse(r.stdout) as StatusResult };
    };
    const states = (result: StatusResult): string[] => result.rows.map((r) => `${r.file} ${r.platform}`);

    const now = await json();
    assert.equal(now.code, 0);
    assert.deepEqual(states(now.result), ['in/a.json received', 'in/b.json received', 'in/c.json received']);
    assert.ok(now.result.rows.every((r) => r.receiveDate && !r.dispatchDate));

    offset = 90_000;
    const later = await json();
    assert.equal(later.code, 1, 'one failed later');
    assert.deepEqual(states(later.result), ['in/a.json dispatched', 'in/b.json dispatched', 'in/c.json failed-later']);
    const failed = later.result.rows[2];
    assert.equal(failed.pointer, '/questions/0/code');
    assert.match(failed.exceptionMessage!, /^Вопрос с кодом 0015: /);

    offset = 150_000;
    const text = await runCli(['status', report], { cwd });
    assert.equal(text.code, 1);
    assert.match(text.stdout, /^uploaded +in\/a\.json/m);
    assert.match(text.stdout, /^failed later +in\/c\.json \/questions\/0\/code/m);
    assert.match(text.stderr, /uploaded 2, dispatched 0, received 0, failed later 1, unknown to the platform 0/);

    // Another platform (a fresh emulator) knows none of them.
    const other = await startEmulator();
    try {
      const unknown = await runCli(['status', report, '--url', other.url, '--format', 'json'], { cwd });
      assert.equal(unknown.code, 1);
      assert.deepEqual(
        (JSON.parse(unknown.stdout) as StatusResult).rows.map((r) => r.platform),
        ['not-found', 'not-found', 'not-found'],
      );
    } finally {
      await other.close();
    }

    // A platform without a request log: one line, nothing per file.
    const bare = await startEmulator({ requestLog: false });
    try {
      const absent = await runCli(['status', report, '--url', bare.url], { cwd });
      assert.equal(absent.code, 1);
      assert.equal(absent.stdout, '');
      assert.equal(absent.stderr.trim().split('\n').length, 1);
      assert.match(absent.stderr, /publishes no request log/);
      assert.equal(bare.stats.requests, 1, 'asked once, not once per file');
    } finally {
      await bare.close();
    }
    const usage = await runCli(['status'], { cwd });
    assert.equal(usage.code, 2);
  } finally {
    await emu.close();
  }
});

test('names from outside are shown with control characters escaped (terminal, Markdown)', async () => {
  const emu = await startEmulator();
  const cwd = tempDir();
  writeJson(cwd, 'e\x1b[32mvil.json', appeal('ESC-1'));
  try {
    const r = await runCli(['send', '.', '--url', emu.url, '--yes'], { cwd });
    assert.equal(r.code, 0, r.stderr);
    assert.doesNotMatch(r.stdout, /\x1b/);
    assert.match(r.stdout, /e\\x1b\[32mvil\.json/);
    const md = (await import('node:fs')).readFileSync(reportPath(r.stderr).replace(/\.json$/, '.md'), 'utf8');
    assert.doesNotMatch(md, /\x1b/);
  } finally {
    await emu.close();
  }
});

test('a hostile request log: control characters in exceptionMessage and dates are escaped in text and JSON', async () => {
  const emu = await startEmulator();
  const cwd = tempDir();
  writeJson(cwd, 'h.json', appeal('H-1'));
  const evil = 'Вопрос с кодом 0015: \x1b[2J\u202eaccepted\r\nfake line';
  const server = http.createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify([
        { number: 'H-1', createDate: '2026-01-10', receiveDate: '2026-01-10 10:00:00\x07', exceptionMessage: evil },
        'junk',
      ]),
    );
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const sent = await runCli(['send', 'h.json', '--url', emu.url, '--yes'], { cwd });
    const report = reportPath(sent.stderr);
    const text = await runCli(['status', report, '--url', url], { cwd });
    assert.equal(text.code, 1);
    assert.doesNotMatch(text.stdout, /[\x00-\x09\x0b-\x1f\u202e]/, 'no raw control character reaches the terminal');
    assert.match(text.stdout, /\\x1b\[2J\\u202eaccepted\\x0d\\x0afake line/);
    const json = await runCli(['status', report, '--url', url, '--format', 'json'], { cwd });
    assert.doesNotMatch(json.stdout, /\u202e|\\u001b/);
    const row = (JSON.parse(json.stdout) as StatusResult).rows[0];
    assert.deepEqual([row.platform, row.pointer], ['failed-later', '/questions/0/code']);
  } finally {
    server.close();
    await emu.close();
  }
});
