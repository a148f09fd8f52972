// Shared pieces of the network tests: appeal files on disk, the real CLI as a child process,
// HTTP to the emulator, and waiting on events (never on the clock).
import { spawn, type ChildProcess } from 'node:child_process';
import { once, type EventEmitter } from 'node:events';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';

export const CLI = path.join(__dirname, '..', '..', '..', 'dist', 'cli.js');
export const DEPARTMENT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
export const OTHER_DEPARTMENT = '7D2C1A90-3B44-4E55-8F66-0A1B2C3D4E5F';

const made: string[] = [];
// Every temporary folder a test file made goes when its process ends (a failed test included).
process.once('exit', () => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'rro-api-'): string {
  const dir = mkdtempSync(path.join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

type Question = Record<string, unknown>;

/** A valid appeal (the engine finds no error in it). */
export function appeal(
  number: string,
  questions: Question[] = [inWork('0015')],
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return {
    departmentId: DEPARTMENT,
    format: 'Other',
    number,
    createDate: '2026-01-10',
    name: 'Тестов Тест Тестович',
    address: 'г. Калуга, ул. Тестовая, д. 1',
    questions,
    ...extra,
  };
}

const DATES = { incomingDate: '2026-01-11', registrationDate: '2026-01-12' };

export function inWork(code: string): Question {
  return { code, status: 'InWork', ...DATES };
}

export function final(code: string, status: string, file = `Ответ_${code}.txt`, content = `ответ ${code}`): Question {
  const q: Question = { code, status, ...DATES, responseDate: '2026-01-20' };
  if (status !== 'LeftWithoutAnswer') q.attachment = { name: file, content: Buffer.from(content).toString('base64') };
  if (status === 'Supported') q.actionsTaken = true;
  return q;
}

export function transferred(code: string, to = OTHER_DEPARTMENT, date = '2026-01-15'): Question {
  return {
    code,
    status: 'Transferred',
    ...DATES,
    transfer: { departmentId: to, transferDate: date, transferNumber: 'Исх-1' },
  };
}

export function writeJson(dir: string, name: string, value: unknown): string {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, typeof value === 'string' ? value : JSON.stringify(value, null, 2));
  return file;
}

export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Start `node dist/cli.js …`; English messages unless the env says otherwise. */
export function startCli(
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): { child: ChildProcess; done: Promise<RunResult> } {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd: options.cwd,
    env: { ...process.env, LANG: 'C', LC_ALL: '', LC_MESSAGES: '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const done = new Promise<RunResult>((resolve) =>
    child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, done };
}

export function runCli(args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<RunResult> {
  return startCli(args, options).done;
}

/** Resolve with the first `event` whose payload satisfies `predicate`. */
export function waitFor<T>(
  emitter: EventEmitter,
  event: string,
  predicate: (value: T) => boolean = () => true,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (value: T): void => {
      if (predicate(value)) {
        emitter.off(event, listener);
        resolve(value);
      }
    };
    emitter.on(event, listener);
  });
}

export async function httpJson(
  method: string,
  url: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; json: unknown }> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const req = http.request(url, { method, headers: { 'Content-Type': 'application/json; charset=utf-8', ...headers } });
  req.end(text);
  const [res] = (await once(req, 'response')) as [http.IncomingMessage];
  let data = '';
  res.setEncoding('utf8');
  for await (const chunk of res) data += chunk as string;
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode ?? 0, body: data, json };
}

/** `node dist/cli.js serve --port 0 …` as a child; resolves when it prints its root URL. */
export async function startServeChild(
  args: string[] = [],
  cwd?: string,
): Promise<{ url: string; child: ChildProcess; done: Promise<RunResult> }> {
  const run = startCli(['serve', '--port', '0', ...args], { cwd });
  let seen = '';
  const url = await new Promise<string>((resolve, reject) => {
    run.child.stdout!.on('data', (d: string) => {
      seen += d;
      const m = /listening on (\S+)/.exec(seen);
      if (m) resolve(m[1]);
    });
    run.child.once('close', (code) => reject(new Error(`serve exited ${code}`)));
  });
  return { url, ...run };
}
