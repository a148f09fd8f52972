// A child started in its own session (setsid, via `detached`), so the whole tree it spawns —
// extension hosts, language servers, file watchers — is stopped with one signal to the group.
// Killing only the leader's PID leaves those helpers running.
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';

export interface Group {
  child: ChildProcess;
  /** Resolves with the exit code (or signal name) when the leader exits. */
  exited: Promise<number | string>;
  /** SIGTERM to the group, SIGKILL after a grace period; resolves when the leader is gone. */
  stop(): Promise<void>;
}

const live = new Set<number>();
// Last resort when the harness itself exits early (an exception, Ctrl-C, the test runner's
// SIGTERM): no orphaned servers. Signals end the process without 'exit', hence the handlers.
const killAll = (): void => {
  for (const pgid of live) killGroup(pgid, 'SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
  });
}

function killGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch {
    // the group is already gone
  }
}

export function startGroup(cmd: string, args: string[], env: NodeJS.ProcessEnv, logFile: string): Group {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(cmd, args, { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const pgid = child.pid;
  if (pgid === undefined) throw new Error(`could not start ${cmd}; see ${logFile}`);
  live.add(pgid);
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? 'unknown'));
    child.once('error', (e) => resolve(e.message));
  });
  const stop = async (): Promise<void> => {
    killGroup(pgid, 'SIGTERM');
    const grace = new Promise<void>((r) => setTimeout(r, 3000).unref());
    await Promise.race([exited, grace]);
    // helpers may ignore SIGTERM or outlive the leader: the group gets SIGKILL regardless
    killGroup(pgid, 'SIGKILL');
    live.delete(pgid);
  };
  return { child, exited, stop };
}
