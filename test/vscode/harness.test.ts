// The harness's own guarantees, without VS Code: the host choice honours the overrides, and
// stopping a run's process group leaves none of its processes behind.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { chooseHost } from './harness/chooseHost';
import { startGroup } from './harness/processGroup';

async function withEnv<T>(vars: Record<string, string | undefined>, body: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (v: Record<string, string | undefined>): void => {
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) delete process.env[k];
      else process.env[k] = x;
    }
  };
  set(vars);
  try {
    return await body();
  } finally {
    set(saved);
  }
}

test('RRO_VSCODE_HOST forces the host; a wrong value is an error that names it', async () => {
  assert.equal((await withEnv({ RRO_VSCODE_HOST: 'code-server' }, chooseHost)).host, 'code-server');
  assert.equal((await withEnv({ RRO_VSCODE_HOST: 'electron' }, chooseHost)).host, 'electron');
  await assert.rejects(withEnv({ RRO_VSCODE_HOST: 'firefox' }, chooseHost), /RRO_VSCODE_HOST.*firefox/);
});

test('VSCODE_EXECUTABLE selects @vscode/test-electron without a lookup', async () => {
  const r = await withEnv({ RRO_VSCODE_HOST: undefined, VSCODE_EXECUTABLE: '/opt/vscode/code' }, chooseHost);
  assert.equal(r.host, 'electron');
  assert.match(r.why, /VSCODE_EXECUTABLE/);
});

test('stopping a group kills the leader and the helpers it started', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-group-'));
  try {
    const pidFile = path.join(dir, 'helper.pid');
    // a leader that starts a background helper (like code-server's extension hosts) and waits
    const script = `sleep 600 & echo $! > '${pidFile}'; wait`;
    const group = startGroup('sh', ['-c', script], process.env, path.join(dir, 'log'));
    const leader = group.child.pid!;
    await new Promise<void>((resolve, reject) => {
      const deadline = Date.now() + 10_000;
      const poll = (): void => {
        if (fs.existsSync(pidFile) && fs.readFileSync(pidFile, 'utf8').trim()) resolve();
        else if (Date.now() > deadline) reject(new Error('the helper did not start'));
        else setTimeout(poll, 50);
      };
      poll();
    });
    const helper = Number(fs.readFileSync(pidFile, 'utf8').trim());
    assert.ok(alive(helper), 'the helper runs before stop');
    await group.stop();
    assert.equal(alive(leader), false, 'leader gone');
    await waitGone(helper);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    // a zombie still answers signal 0 until reaped: count it as gone
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function waitGone(pid: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (alive(pid)) {
    if (Date.now() > deadline) assert.fail(`process ${pid} survived the group stop`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
