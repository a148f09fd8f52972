// A run cut off mid-way (the CLI killed with SIGKILL, so it cannot tidy up) leaves a report
// that says what went; resuming from it sends the rest and nothing twice.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { startEmulator, type Fault } from '../../server/src/emulator';
import { loadReport } from '../../server/src/send';
import { appeal, final, runCli, startCli, tempDir, waitFor, writeJson } from './helpers';

test('kill -9 mid-way, then --resume: every appeal imported exactly once', async () => {
  const total = 8;
  const cutAt = 4;
  let holding = true;
  // Hold request `cutAt` (and anything after it) until the client goes away, then commit it
  // (as ASP.NET does): the killed run never heard that it was imported.
  const faults = ({ seq }: { seq: number }): Fault =>
    holding && seq >= cutAt ? { kind: 'hold', ms: 60_000 } : { kind: 'none' };
  const emu = await startEmulator({ faults });
  const cwd = tempDir();
  for (let i = 1; i <= total; i++)
    writeJson(path.join(cwd, 'in'), `c-${i}.json`, appeal(`C-${i}`, [final('0015', 'Answered')]));
  try {
    const arrived = waitFor<{ seq: number }>(emu.events, 'request', (r) => r.seq === cutAt);
    const abandoned = waitFor<{ seq: number; committed: boolean }>(emu.events, 'abandoned', (r) => r.seq === cutAt);
    const run = startCli(['send', 'in', '--url', emu.url, '--yes', '--concurrency', '1'], { cwd });
    await arrived;
    run.child.kill('SIGKILL');
    const result = await run.done;
    assert.equal(result.signal, 'SIGKILL');
    assert.equal((await abandoned).committed, true);
    holding = false;
    assert.equal(emu.stats.accepted, cutAt, 'the request in flight was committed');

    const dir = path.join(cwd, '.rro', 'reports');
    const json = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const crashed = loadReport(path.join(dir, json));
    assert.equal(crashed.state, 'running', 'the run never finished');
    assert.deepEqual(
      crashed.files.map((f) => f.status),
      [...Array(cutAt - 1).fill('accepted'), 'unknown', ...Array(total - cutAt).fill('not-sent')],
    );

    // The unknown one carries an attachment: the request log shows it received, so it is not resent.
    const resumed = await runCli(['send', '--resume', path.join(dir, json), '--yes'], { cwd });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stderr, /0 resent, 1 verified in the request log, 0 left unknown/);
    const after = loadReport(/report: (\S+\.json)/.exec(resumed.stderr)![1]);
    assert.equal(after.files[cutAt - 1].note, 'found-in-log');
    assert.deepEqual(after.unknown, { resent: 0, verified: 1, left: 0 });
    assert.equal(emu.stats.accepted, total);
    assert.equal(emu.stats.rejected, 0, 'no attachment was uploaded twice');
    assert.equal(emu.stats.duplicateAttachments, 0);
    assert.equal(emu.state.appeals.length, total);
    assert.ok(emu.state.appeals.every((a) => a.imports === 1));
  } finally {
    await emu.close();
  }
});
