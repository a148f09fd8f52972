// Stopping, end to end with the real CLI: Ctrl+C waits for the answers in flight and exits 130;
// a dead server trips the circuit breaker; SIGKILL / SIGINT at random points then `--resume`,
// against an emulator that commits then answers late, resets or holds — counted at the server.
import assert from 'node:assert/strict';
import { readdirSync, statSync } from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { test } from 'node:test';
import { seededRandom, startEmulator, type Emulator, type Fault } from '../../server/src/emulator';
import { loadReport, type SendReport } from '../../server/src/send';
import { appeal, final, inWork, runCli, startCli, tempDir, waitFor, writeJson } from './helpers';

function latestReport(cwd: string): string {
  const dir = path.join(cwd, '.rro', 'reports');
  const names = readdirSync(dir).filter((n) => /^send-.*\.json$/.test(n));
  names.sort((a, b) => statSync(path.join(dir, a)).mtimeMs - statSync(path.join(dir, b)).mtimeMs || a.localeCompare(b));
  return path.join(dir, names[names.length - 1]);
}

/** The brief's count at the server: nothing reported rejected/failed that it imported, nothing accepted that it did not. */
function assertHonest(report: SendReport, emu: Emulator, label: string): void {
  const imported = new Set(emu.state.appeals.map((a) => a.number));
  for (const f of report.files) {
    const number = f.appeal?.number ?? '';
    if (f.status === 'accepted') assert.ok(imported.has(number), `${label}: ${number} reported accepted, not imported`);
    if (f.status === 'rejected' || f.status === 'failed' || f.status === 'not-sent')
      assert.ok(!imported.has(number), `${label}: ${number} reported ${f.status}, but imported`);
  }
  assert.equal(emu.stats.duplicateAttachments, 0, `${label}: an attachment was sent again`);
}

test('Ctrl+C: nothing new starts, the answers in flight are awaited, the report is written, exit 130', async () => {
  const emu = await startEmulator({ faults: () => ({ kind: 'late', ms: 400 }) });
  const cwd = tempDir();
  for (let i = 1; i <= 6; i++) writeJson(path.join(cwd, 'in'), `s-${i}.json`, appeal(`S-${i}`));
  try {
    const third = waitFor<{ seq: number }>(emu.events, 'request', (r) => r.seq === 3);
    const run = startCli(['send', 'in', '--url', emu.url, '--yes', '--concurrency', '2'], { cwd });
    await third;
    run.child.kill('SIGINT');
    const result = await run.done;
    assert.equal(result.code, 130, result.stderr);
    const report = loadReport(latestReport(cwd));
    assert.deepEqual([report.state, report.stopped], ['cancelled', 'signal']);
    const statuses = report.files.map((f) => f.status);
    assert.deepEqual(statuses.slice(0, 3), ['accepted', 'accepted', 'accepted'], 'in flight: answered, not abandoned');
    assert.ok(statuses.slice(3).every((s) => s === 'not-sent' || s === 'accepted'));
    assertHonest(report, emu, 'ctrl+c');
  } finally {
    await emu.close();
  }
});

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test('a dead server: the circuit breaker stops after N requests without an answer, the rest not sent', async () => {
  const port = await closedPort();
  const cwd = tempDir();
  for (let i = 1; i <= 10; i++) writeJson(path.join(cwd, 'in'), `d-${i}.json`, appeal(`D-${i}`));
  const started = Date.now();
  const run = await runCli(
    ['send', 'in', '--url', `http://127.0.0.1:${port}`, '--yes', '--concurrency', '1', '--retry-delay', '1'],
    { cwd },
  );
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /server unavailable: 5 requests in a row/);
  assert.ok(Date.now() - started < 10_000);
  const report = loadReport(latestReport(cwd));
  assert.equal(report.stopped, 'server-unavailable');
  assert.deepEqual(
    report.files.map((f) => [f.status, f.reason]),
    [['failed', 'network'], ...Array(9).fill(['not-sent', undefined])].map((x, i) =>
      i === 1 ? ['not-sent', 'server-unavailable'] : x,
    ),
  );
  const two = await runCli(
    ['send', 'in', '--url', `http://127.0.0.1:${port}`, '--yes', '--retry-delay', '1', '--max-failures', '2'],
    { cwd },
  );
  assert.match(two.stderr, /2 requests in a row/);
  assert.equal(loadReport(latestReport(cwd)).totals['not-sent'], 10, 'refused connections: nothing reached it');
});

test('SIGKILL and SIGINT at random points, several concurrencies, then --resume: honest at the server', async () => {
  const trials: { concurrency: number; signal: NodeJS.Signals; seed: number }[] = [
    { concurrency: 1, signal: 'SIGKILL', seed: 11 },
    { concurrency: 2, signal: 'SIGINT', seed: 12 },
    { concurrency: 3, signal: 'SIGKILL', seed: 13 },
    { concurrency: 4, signal: 'SIGINT', seed: 14 },
  ];
  const files = 10;
  let committedUnanswered = 0;
  let settledByLog = 0;
  for (const trial of trials) {
    const random = seededRandom(trial.seed);
    let faulty = true;
    // ASP.NET-like: what the server starts it finishes, whether or not the client still listens.
    const faults = (): Fault => {
      if (!faulty) return { kind: 'none' };
      const r = random();
      if (r < 0.2) return { kind: 'late', ms: 1500 };
      if (r < 0.35) return { kind: 'reset' };
      if (r < 0.45) return { kind: 'hold', ms: 1500 };
      return { kind: 'none' };
    };
    const emu = await startEmulator({ faults });
    const cwd = tempDir();
    for (let i = 1; i <= files; i++) {
      const q = i % 2 ? final('0015', 'Answered', `Ответ_${i}.txt`) : inWork('0015');
      writeJson(path.join(cwd, 'in'), `k-${String(i).padStart(2, '0')}.json`, appeal(`K${trial.seed}-${i}`, [q]));
    }
    const label = `c${trial.concurrency} ${trial.signal}`;
    const common = ['--yes', '--timeout', '1', '--retry-delay', '1', '--concurrency', String(trial.concurrency)];
    try {
      const killAt = 1 + Math.floor(random() * files);
      const arrived = waitFor<{ seq: number }>(emu.events, 'request', (r) => r.seq === killAt);
      const run = startCli(['send', 'in', '--url', emu.url, ...common], { cwd });
      await Promise.race([arrived, run.done]);
      run.child.kill(trial.signal);
      const first = await run.done;
      if (trial.signal === 'SIGINT') assert.ok(first.code === 130 || first.code === 0 || first.code === 1, label);
      await new Promise((r) => setTimeout(r, 50)); // a held request commits as its socket closes
      assertHonest(loadReport(latestReport(cwd)), emu, `${label} killed`);

      const resumed = await runCli(['send', '--resume', latestReport(cwd), ...common], { cwd });
      assert.ok(resumed.code === 0 || resumed.code === 1, `${label}: ${resumed.stderr}`);
      assertHonest(loadReport(latestReport(cwd)), emu, `${label} resumed`);

      faulty = false;
      const clean = await runCli(['send', '--resume', latestReport(cwd), ...common], { cwd });
      assert.equal(clean.code, 0, `${label}: ${clean.stderr}${clean.stdout}`);
      const last = loadReport(latestReport(cwd));
      assertHonest(last, emu, `${label} clean`);
      assert.equal(last.totals.accepted, files, label);
      assert.equal(emu.state.appeals.length, files, `${label}: each appeal exactly once`);
      committedUnanswered += emu.stats.committedUnanswered;
      for (const name of readdirSync(path.join(cwd, '.rro', 'reports')).filter((n) => /^send-.*\.json$/.test(n)))
        settledByLog += loadReport(path.join(cwd, '.rro', 'reports', name)).files.filter(
          (f) => f.note === 'found-in-log' && f.reason !== 'already-accepted',
        ).length;
    } finally {
      await emu.close();
    }
  }
  // The trials did meet the faults they are about.
  assert.ok(committedUnanswered > 0, 'some imports were committed and never answered');
  assert.ok(settledByLog > 0, 'some unknown files were settled by the request log');
});

test('the real CLI on a platform without a request log: unknown attachments held on resume, resent with --resend-unknown', async () => {
  let resetting = true;
  const emu = await startEmulator({
    requestLog: false,
    faults: () => (resetting ? { kind: 'reset' } : { kind: 'none' }),
  });
  const cwd = tempDir();
  for (let i = 1; i <= 3; i++)
    writeJson(path.join(cwd, 'in'), `h-${i}.json`, appeal(`HR-${i}`, [final('0015', 'Answered', `Ответ_${i}.txt`)]));
  try {
    const first = await runCli(['send', 'in', '--url', emu.url, '--yes'], { cwd });
    assert.equal(first.code, 1);
    assert.equal(loadReport(latestReport(cwd)).totals.unknown, 3);
    assert.equal(emu.state.appeals.length, 3, 'all committed, none answered');
    resetting = false;

    const held = await runCli(['send', '--resume', latestReport(cwd), '--yes'], { cwd });
    assert.equal(held.code, 1);
    assert.match(held.stderr, /0 resent, 0 verified in the request log, 3 left unknown/);
    assert.equal((held.stdout.match(/^unknown /gm) ?? []).length, 3, 'the held files are listed');
    assert.equal(emu.stats.duplicateAttachments, 0, 'nothing was resent');

    const forced = await runCli(['send', '--resume', latestReport(cwd), '--yes', '--resend-unknown'], { cwd });
    assert.equal(forced.code, 0, forced.stderr);
    const report = loadReport(latestReport(cwd));
    assert.deepEqual(
      report.files.map((f) => [f.status, f.note]),
      Array(3).fill(['accepted', 'accepted-earlier']),
    );
    assert.equal(emu.state.appeals.length, 3);
    // The price of --resend-unknown: each resend was refused «уже был загружен» — and reported accepted.
    assert.equal(emu.stats.duplicateAttachments, 3);
  } finally {
    await emu.close();
  }
});
