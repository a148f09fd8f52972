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
  // Hold request `cutAt` (and anything after it) until the client goes away.
  const faults = ({ seq }: { seq: number }): Fault =>
    holding && seq >= cutAt ? { kind: 'delay', ms: 60_000 } : { kind: 'none' };
  const emu = await startEmulator({ faults });
  const cwd = tempDir();
  for (let i = 1; i <= total; i++)
    writeJson(path.join(cwd, 'in'), `c-${i}.json`, appeal(`C-${i}`, [final('0015', 'Answered')]));
  try {
    const arrived = waitFor<{ seq: number }>(emu.events, 'request', (r) => r.seq === cutAt);
    const abandoned = waitFor<{ seq: number }>(emu.events, 'abandoned', (r) => r.seq === cutAt);
    const run = startCli(['send', 'in', '--url', emu.url, '--yes', '--concurrency', '1'], { cwd });
    await arrived;
    run.child.kill('SIGKILL');
    const result = await run.done;
    assert.equal(result.signal, 'SIGKILL');
    await abandoned;
    holding = false;
    assert.equal(emu.stats.accepted, cutAt - 1);

    const dir = path.join(cwd, '.rro', 'reports');
    const json = readdirSync(dir).find((f) => f.endsWith('.json'))!;
    const crashed = loadReport(path.join(dir, json));
    assert.equal(crashed.state, 'running', 'the run never finished');
    assert.deepEqual(
      crashed.files.map((f) => f.status),
      [...Array(cutAt - 1).fill('accepted'), 'interrupted', ...Array(total - cutAt).fill('pending')],
    );

    const resumed = await runCli(['send', '--resume', path.join(dir, json), '--yes'], { cwd });
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.equal(emu.stats.accepted, total);
    assert.equal(emu.stats.rejected, 0, 'no attachment was uploaded twice');
    assert.equal(emu.state.appeals.length, total);
    assert.ok(emu.state.appeals.every((a) => a.imports === 1));
  } finally {
    await emu.close();
  }
});
