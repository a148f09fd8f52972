// The emulator's guards: one instance per data file, a cap on the bodies in flight (503 beyond
// it), a warning when bound beyond loopback.
import assert from 'node:assert/strict';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { DataLockedError, startEmulator } from '../../server/src/emulator';
import { appeal, httpJson, runCli, startServeChild, tempDir, waitFor } from './helpers';

test('a second emulator on the same --data refuses to start; a stale lock (dead process) is taken over', async () => {
  const dir = tempDir();
  try {
    const first = await startServeChild(['--data', 'state.json'], dir);
    try {
      const second = await runCli(['serve', '--port', '0', '--data', 'state.json'], { cwd: dir });
      assert.equal(second.code, 2);
      assert.match(second.stderr, /in use by another emulator \(process \d+\)/);
    } finally {
      first.child.kill('SIGTERM');
      assert.equal((await first.done).code, 0);
    }
    assert.ok(!existsSync(path.join(dir, 'state.json.lock')), 'released on exit');

    writeFileSync(path.join(dir, 'state.json.lock'), '999999999');
    const taken = await startEmulator({ dataFile: path.join(dir, 'state.json') });
    await assert.rejects(startEmulator({ dataFile: path.join(dir, 'state.json') }), DataLockedError);
    await taken.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('bodies in flight beyond the cap get 503 with Retry-After; the next one after is served', async () => {
  const emu = await startEmulator({ maxInflightBytes: 4000, faults: () => ({ kind: 'late', ms: 300 }) });
  try {
    const body = JSON.stringify(appeal('CAP-1', undefined, { padding: 'x'.repeat(2500) }));
    const url = `${emu.url}/HandlingReportPlugin/Api/Import`;
    const arrived = waitFor(emu.events, 'request');
    const first = httpJson('POST', url, body);
    await arrived;
    const second = await httpJson('POST', url, body.replace('CAP-1', 'CAP-2'));
    assert.equal(second.status, 503);
    assert.equal(emu.stats.overloaded, 1);
    assert.equal((await first).status, 204);
    const third = await httpJson('POST', url, body.replace('CAP-1', 'CAP-3'));
    assert.equal(third.status, 204);
  } finally {
    await emu.close();
  }
});

test('serve --host 0.0.0.0 warns that names and addresses are reachable', async () => {
  // The warning is written before `listening on`, which startServeChild waits for.
  const serve = await startServeChild(['--host', '0.0.0.0']);
  serve.child.kill('SIGTERM');
  const done = await serve.done;
  assert.match(done.stderr, /beyond this machine/);
  const local = await startServeChild([]);
  local.child.kill('SIGTERM');
  assert.doesNotMatch((await local.done).stderr, /beyond this machine/);
});
