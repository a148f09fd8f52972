// Outcome unknown (spec §3.3: a request whose answer was lost may have been imported): the
// sender with the real HTTP client against the emulator in its ASP.NET-like fault modes —
// commit then reset, commit then answer late — counted at the server.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { ApiClient, parseRoot } from '../../server/src/api';
import { startEmulator, type EmulatorOptions, type Fault } from '../../server/src/emulator';
import { loadReport, planSend, runSend, type SendReport, type SendRunOptions } from '../../server/src/send';
import { appeal, final, inWork, tempDir, writeJson } from './helpers';

const FAST_RETRY = { retries: 2, baseDelayMs: 1, maxDelayMs: 5 };

/** One emulator, a folder of appeals `U-1…` (with an attachment when `attach`), and a send function. */
async function setup(count: number, attach: boolean, emuOptions: EmulatorOptions) {
  const emu = await startEmulator(emuOptions);
  const dir = tempDir();
  for (let i = 1; i <= count; i++)
    writeJson(
      path.join(dir, 'in'),
      `u-${i}.json`,
      appeal(`U-${i}`, [attach ? final('0015', 'Answered', `Ответ_${i}.txt`) : inWork('0015')]),
    );
  const api = new ApiClient({ endpoint: parseRoot(emu.url), timeoutMs: 300 });
  const send = async (previous?: SendReport, extra: Partial<SendRunOptions> = {}) => {
    const plan = await planSend(previous ? [] : ['in'], { cwd: dir, check: { today: '2026-06-01' }, previous });
    return runSend(plan, {
      transport: api,
      requestLog: api,
      url: emu.url,
      reportDir: path.join(dir, 'reports'),
      lang: 'en',
      concurrency: 2,
      retry: FAST_RETRY,
      ...extra,
    });
  };
  return { emu, api, send, close: async () => (api.close(), await emu.close()) };
}

const firstTimeOnly = (kind: Fault): ((ctx: { body: Buffer }) => Fault) => {
  const seen = new Set<string>();
  return ({ body }) => {
    const key = body.toString('utf8');
    if (seen.has(key) || !key.includes('"U-2"')) return { kind: 'none' };
    seen.add(key);
    return kind;
  };
};

test('commit then reset, no attachment: retried (an upsert), accepted; the server holds it once', async () => {
  const t = await setup(3, false, { faults: firstTimeOnly({ kind: 'reset' }) });
  try {
    const { report } = await t.send();
    assert.deepEqual(
      report.files.map((f) => [f.status, f.attempts]),
      [
        ['accepted', 1],
        ['accepted', 2],
        ['accepted', 1],
      ],
    );
    assert.equal(t.emu.stats.committedUnanswered, 1);
    assert.equal(t.emu.state.appeals.find((a) => a.number === 'U-2')!.imports, 2, 'imported twice: harmless');
  } finally {
    await t.close();
  }
});

test('commit then reset, with an attachment: not resent; the request log shows it received → accepted', async () => {
  const t = await setup(3, true, { faults: firstTimeOnly({ kind: 'reset' }) });
  try {
    const { report } = await t.send();
    const u2 = report.files[1];
    assert.deepEqual([u2.status, u2.attempts, u2.note], ['accepted', 1, 'found-in-log']);
    assert.equal(t.emu.stats.duplicateAttachments, 0);
    assert.equal(t.emu.stats.rejected, 0);
    assert.ok(t.emu.state.appeals.every((a) => a.imports === 1));
  } finally {
    await t.close();
  }
});

test('answered after the timeout, with an attachment, no request log: unknown; resume holds it unless --resend-unknown, whose «уже был загружен» means accepted', async () => {
  const t = await setup(2, true, { faults: firstTimeOnly({ kind: 'late', ms: 2000 }), requestLog: false });
  try {
    const first = await t.send();
    const u2 = first.report.files[1];
    assert.deepEqual([u2.status, u2.reason, u2.attempts], ['unknown', 'timeout', 1]);
    assert.ok(
      t.emu.state.appeals.some((a) => a.number === 'U-2'),
      'it was imported all the same',
    );

    const held = await t.send(loadReport(first.jsonPath));
    assert.deepEqual([held.report.files[1].status, held.report.files[1].note], ['unknown', 'held']);
    assert.deepEqual(held.report.unknown, { resent: 0, verified: 0, left: 1 });
    assert.equal(t.emu.stats.duplicateAttachments, 0, 'held back: nothing sent');

    const forced = await t.send(loadReport(held.jsonPath), { resendUnknown: true });
    const again = forced.report.files[1];
    assert.deepEqual([again.status, again.note, again.httpStatus], ['accepted', 'accepted-earlier', 500]);
    assert.deepEqual(forced.report.unknown, { resent: 1, verified: 0, left: 0 });
    assert.equal(forced.report.files[0].reason, 'already-accepted');
  } finally {
    await t.close();
  }
});

test('unknown and not in the request log (dropped before the application): resume resends it', async () => {
  const t = await setup(2, true, { faults: firstTimeOnly({ kind: 'drop' }) });
  try {
    const first = await t.send();
    assert.equal(first.report.files[1].status, 'unknown');
    assert.equal(t.emu.state.appeals.length, 1);
    const second = await t.send(loadReport(first.jsonPath));
    assert.deepEqual([second.report.files[1].status, second.report.files[1].note], ['accepted', 'not-in-log']);
    assert.deepEqual(second.report.unknown, { resent: 1, verified: 0, left: 0 });
    assert.equal(t.emu.stats.duplicateAttachments, 0);
  } finally {
    await t.close();
  }
});

test('429 with Retry-After: 1 waits about a second (not the backoff); a date works too', async () => {
  const times: number[] = [];
  let n = 0;
  const faults = (): Fault => {
    times.push(Date.now());
    n++;
    if (n === 1) return { kind: 'unavailable', status: 429, retryAfter: '1' };
    if (n === 2) return { kind: 'unavailable', status: 503, retryAfter: new Date(Date.now() + 2000).toUTCString() };
    return { kind: 'none' };
  };
  const t = await setup(1, false, { faults });
  try {
    const { report } = await t.send(undefined, { retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 5 } });
    assert.deepEqual([report.files[0].status, report.files[0].attempts], ['accepted', 3]);
    assert.ok(times[1] - times[0] >= 950, `waited ${times[1] - times[0]} ms after Retry-After: 1`);
    assert.ok(times[1] - times[0] < 10_000);
    // An HTTP date has a 1 s resolution: between 1 and 2 s.
    assert.ok(times[2] - times[1] >= 900, `waited ${times[2] - times[1]} ms for the date`);
  } finally {
    await t.close();
  }
});

test('a resume stopped before it resends an unknown file leaves it unknown, never not-sent', async () => {
  const t = await setup(2, false, { faults: firstTimeOnly({ kind: 'late', ms: 2000 }) });
  try {
    const first = await t.send(undefined, { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 } });
    assert.equal(first.report.files[1].status, 'unknown');
    const stop = new AbortController();
    stop.abort();
    const second = await t.send(loadReport(first.jsonPath), { signal: stop.signal });
    assert.deepEqual(
      [second.report.files[1].status, second.report.files[1].unknownSince],
      ['unknown', first.report.files[1].unknownSince],
    );
    assert.deepEqual(second.report.unknown, { resent: 0, verified: 0, left: 1 });
    assert.equal(second.report.state, 'cancelled');
  } finally {
    await t.close();
  }
});
