// Faults: the sender (in-process, real HTTP client) against the emulator with injected
// faults — what is retried, how often, and what each file ends as.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { test } from 'node:test';
import { ApiClient, parseRoot } from '../../server/src/api';
import { startEmulator, type EmulatorOptions, type Fault } from '../../server/src/emulator';
import { planSend, runSend, type SendRunOptions, type SendRunResult } from '../../server/src/send';
import { appeal, final, startServeChild, httpJson, runCli, tempDir, waitFor, writeJson } from './helpers';

const FAST_RETRY = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

async function sendFolder(
  count: number,
  emuOptions: EmulatorOptions,
  client: { timeoutMs?: number } = {},
  setup?: (dir: string) => void,
  signal?: AbortSignal,
  extra: Partial<SendRunOptions> = {},
) {
  const emu = await startEmulator(emuOptions);
  const dir = tempDir();
  for (let i = 1; i <= count; i++)
    writeJson(path.join(dir, 'in'), `f-${String(i).padStart(2, '0')}.json`, appeal(`F-${i}`));
  setup?.(path.join(dir, 'in'));
  const api = new ApiClient({ endpoint: parseRoot(emu.url), timeoutMs: client.timeoutMs ?? 5000 });
  const plan = await planSend(['in'], { cwd: dir, check: { today: '2026-06-01' } });
  const run = (): Promise<SendRunResult> =>
    runSend(plan, {
      transport: api,
      url: emu.url,
      reportDir: path.join(dir, 'reports'),
      lang: 'en',
      concurrency: 2,
      retry: FAST_RETRY,
      signal,
      ...extra,
    });
  return { emu, api, run };
}

const bodyKey = (body: Buffer): string => createHash('sha256').update(body).digest('hex');

test('503 then success: retried once, accepted', async () => {
  const seen = new Set<string>();
  const faults = ({ body }: { body: Buffer }): Fault =>
    seen.has(bodyKey(body)) ? { kind: 'none' } : (seen.add(bodyKey(body)), { kind: 'unavailable', status: 503 });
  const { emu, api, run } = await sendFolder(4, { faults });
  try {
    const { report } = await run();
    assert.deepEqual(
      report.files.map((f) => [f.status, f.attempts, f.httpStatus]),
      Array(4).fill(['accepted', 2, 204]),
    );
    assert.equal(emu.stats.unavailable, 4);
    assert.equal(emu.state.appeals.length, 4);
  } finally {
    api.close();
    await emu.close();
  }
});

test('dropped connections are retried; 502/504 to the end fail after retries + 1 attempts', async () => {
  const drops = new Set<string>();
  const faults = ({ body }: { body: Buffer }): Fault => {
    const text = body.toString('utf8');
    if (text.includes('"F-1"')) return { kind: 'unavailable', status: 502 };
    if (text.includes('"F-2"')) return { kind: 'unavailable', status: 504 };
    if (!drops.has(text)) return (drops.add(text), { kind: 'drop' });
    return { kind: 'none' };
  };
  const { emu, api, run } = await sendFolder(4, { faults });
  try {
    const { report } = await run();
    const rows = report.files.map((f) => [f.file.split('/').pop(), f.status, f.attempts, f.reason ?? '']);
    assert.deepEqual(rows, [
      ['f-01.json', 'failed', 3, 'http-502'],
      ['f-02.json', 'failed', 3, 'http-504'],
      ['f-03.json', 'accepted', 2, ''],
      ['f-04.json', 'accepted', 2, ''],
    ]);
    assert.equal(emu.stats.dropped, 2);
  } finally {
    api.close();
    await emu.close();
  }
});

test('answers after the timeout: each attempt committed, the file reported unknown — never failed', async () => {
  const faults = ({ body }: { body: Buffer }): Fault =>
    body.toString('utf8').includes('"F-2"') ? { kind: 'late', ms: 60_000 } : { kind: 'none' };
  const { emu, api, run } = await sendFolder(3, { faults }, { timeoutMs: 150 });
  try {
    const { report } = await run();
    const slow = report.files[1];
    assert.deepEqual([slow.status, slow.reason, slow.attempts, slow.httpStatus], ['unknown', 'timeout', 3, undefined]);
    assert.ok(slow.unknownSince, 'when the first unanswered attempt went');
    assert.ok(slow.durationMs! >= 150);
    assert.deepEqual(
      report.files.map((f) => f.status),
      ['accepted', 'unknown', 'accepted'],
    );
    // Like ASP.NET, the server committed every attempt although nobody heard the answer.
    assert.deepEqual(emu.state.appeals.map((a) => a.number).sort(), ['F-1', 'F-2', 'F-3']);
    assert.equal(emu.state.appeals.find((a) => a.number === 'F-2')!.imports, 3);
  } finally {
    api.close();
    await emu.close();
  }
});

test('a 500 is never retried and points at the question it names', async () => {
  const { emu, api, run } = await sendFolder(0, {}, {}, (dir) => {
    writeJson(dir, 'a.json', appeal('Q-1', [final('0001', 'Answered'), final('0015', 'Answered')]));
    writeJson(dir, 'b.json', appeal('А26-00-000000001'));
  });
  try {
    await run();
    const { report } = await run();
    const [again, a26] = report.files;
    assert.deepEqual([again.status, again.attempts, again.pointer], ['rejected', 1, '/questions/0/code']);
    assert.match(again.message!, /^Вопрос с кодом 0001: /);
    assert.deepEqual([a26.status, a26.attempts, a26.pointer], ['rejected', 1, '']);
    assert.equal(emu.stats.rejected, 3);
  } finally {
    api.close();
    await emu.close();
  }
});

test('stop: nothing new starts, the answers in flight are awaited; a hard abort leaves them unknown', async () => {
  const controller = new AbortController();
  const faults = ({ seq }: { seq: number }): Fault => (seq >= 2 ? { kind: 'late', ms: 300 } : { kind: 'none' });
  const { emu, api, run } = await sendFolder(5, { faults }, {}, undefined, controller.signal);
  try {
    void waitFor<{ seq: number }>(emu.events, 'request', (r) => r.seq === 3).then(() => controller.abort());
    const result = await run();
    assert.equal(result.report.state, 'cancelled');
    assert.equal(result.report.stopped, 'signal');
    assert.deepEqual(
      result.report.files.map((f) => f.status),
      ['accepted', 'accepted', 'accepted', 'not-sent', 'not-sent'],
    );
    assert.deepEqual(emu.state.appeals.map((a) => a.number).sort(), ['F-1', 'F-2', 'F-3']);
  } finally {
    api.close();
    await emu.close();
  }

  // A second Ctrl+C aborts what is in flight: those files may have been imported — unknown.
  const hard = new AbortController();
  const stop = new AbortController();
  const second = await sendFolder(3, { faults: () => ({ kind: 'late', ms: 60_000 }) }, {}, undefined, stop.signal, {
    abortSignal: hard.signal,
  });
  try {
    void waitFor<{ seq: number }>(second.emu.events, 'import', (r) => r.seq === 2).then(() => {
      stop.abort();
      hard.abort();
    });
    const { report } = await second.run();
    assert.deepEqual(
      report.files.map((f) => [f.status, f.reason]),
      [
        ['unknown', 'aborted'],
        ['unknown', 'aborted'],
        ['not-sent', undefined],
      ],
    );
    assert.equal(second.emu.state.appeals.length, 2, 'both were imported: "unknown" was the honest answer');
  } finally {
    second.api.close();
    await second.emu.close();
  }
});

test('the real binaries with random faults: every retry is accounted for', async () => {
  const serve = await startServeChild(['--fail-rate', '0.25', '--drop-connections', '0.15', '--seed', '7']);
  const cwd = tempDir();
  for (let i = 1; i <= 20; i++) writeJson(path.join(cwd, 'in'), `r-${i}.json`, appeal(`RF-${i}`));
  try {
    const run = await runCli(
      ['send', 'in', '--url', serve.url, '--yes', '--retries', '10', '--retry-delay', '1', '--concurrency', '3'],
      { cwd },
    );
    assert.equal(run.code, 0, run.stderr);
    const report = JSON.parse(
      (await import('node:fs')).readFileSync(/report: (\S+\.json)/.exec(run.stderr)![1], 'utf8'),
    ) as { files: { attempts: number }[] };
    const retries = report.files.reduce((n, f) => n + f.attempts - 1, 0);
    const state = (await httpJson('GET', `${serve.url}/state`)).json as {
      stats: { unavailable: number; dropped: number; accepted: number };
      appeals: unknown[];
    };
    assert.ok(retries > 0);
    assert.equal(retries, state.stats.unavailable + state.stats.dropped);
    assert.equal(state.stats.accepted, 20);
    assert.equal(state.appeals.length, 20);
  } finally {
    serve.child.kill('SIGTERM');
    assert.equal((await serve.done).code, 0);
  }
});
