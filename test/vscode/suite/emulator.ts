// The РРО API emulator (`rro serve`, the real CLI from dist/) on a loopback port, for the
// commands that send. Started from the extension host: under desktop VS Code its
// process.execPath is Electron, which runs as plain Node with ELECTRON_RUN_AS_NODE.
import { spawn, type ChildProcess } from 'node:child_process';
import * as path from 'node:path';

const CLI = path.resolve(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

export interface Emulator {
  /** API root, e.g. http://127.0.0.1:40123 */
  url: string;
  stop(): Promise<void>;
}

/** `args`: more `rro serve` options, e.g. `['--departments', file]`. */
export function startEmulator(args: string[] = [], timeoutMs = 15_000): Promise<Emulator> {
  const child: ChildProcess = spawn(process.execPath, [CLI, 'serve', '--port', '0', '--host', '127.0.0.1', ...args], {
    env: { ...process.env, ELECTRON_RUN_AS_NODE: '1', LANG: 'C' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = (): Promise<void> =>
    new Promise((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  return new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`rro serve printed no URL within ${timeoutMs} ms: ${out}`));
    }, timeoutMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      const url = /https?:\/\/127\.0\.0\.1:\d+/.exec(out)?.[0];
      if (url) {
        clearTimeout(timer);
        resolve({ url, stop });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`rro serve exited (${code}) before listening: ${out}`));
    });
  });
}
