// `rro serve`: a local HTTP server that behaves like the РРО import API (spec §3, §3.3).
// Routes end with the API path, so any prefix works (`/IPCP/HandlingReportPlugin/Api/Import`).
// `GET …/state` shows what is stored. Events let tests wait on what happened instead of sleeping.
import { EventEmitter } from 'node:events';
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Department } from '../api/departments';
import { localDay } from '../engine';
import { bundleFor, format, type Lang } from '../l10n/messages';
import { applyImport, ImportRejected } from './apply';
import { findDepartments } from './departments';
import type { Fault, FaultPolicy } from './faults';
import { emptyState, StateFile, type EmulatorState } from './state';
import { validateImport } from './validate';

const MAX_BODY_BYTES = 64 << 20;
const API_PATH = /\/HandlingReportPlugin\/Api\/(\w+)\/?$/i;

export interface EmulatorOptions {
  port?: number;
  host?: string;
  state?: EmulatorState;
  /** Where the state is saved after every change (load it with `loadState` first). */
  dataFile?: string;
  departments?: readonly Department[];
  faults?: FaultPolicy;
  /** `YYYY-MM-DD` the engine judges dates against; default today on this machine's calendar. */
  today?: () => string;
  /** Language of `exceptionMessage`; the real server speaks Russian. */
  lang?: Lang;
  tls?: { cert: string; key: string };
}

export interface EmulatorStats {
  requests: number;
  accepted: number;
  rejected: number;
  unavailable: number;
  dropped: number;
  /** The client went away before the answer: nothing was applied. */
  abandoned: number;
}

/** What an import request came to, emitted as `import` on `events`. */
export interface ImportEvent {
  seq: number;
  status: number;
  number?: string;
  result?: 'created' | 'updated';
  message?: string;
}

export interface Emulator {
  /** The API root, e.g. `http://127.0.0.1:40123`. */
  url: string;
  port: number;
  state: EmulatorState;
  stats: EmulatorStats;
  /** `request` ({seq, method}) on arrival; `import` (ImportEvent) when answered; `abandoned` ({seq}). */
  events: EventEmitter;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = options.state ?? emptyState();
  const stats: EmulatorStats = { requests: 0, accepted: 0, rejected: 0, unavailable: 0, dropped: 0, abandoned: 0 };
  const events = new EventEmitter();
  const bundle = bundleFor(options.lang ?? 'ru');
  const saver = options.dataFile ? new StateFile(options.dataFile, () => state) : undefined;
  const today = options.today ?? (() => localDay(new Date()));
  let seq = 0;

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    const started = performance.now();
    const n = ++seq;
    stats.requests++;
    let gone = false;
    res.once('close', () => (gone = !res.writableFinished));
    const path = (req.url ?? '/').split('?')[0];
    const send = (status: number, body?: unknown): void => {
      if (gone) return;
      const text = body === undefined ? '' : JSON.stringify(body);
      res.writeHead(status, {
        'Server-Timing': `app;dur=${(performance.now() - started).toFixed(3)}`,
        ...(text
          ? { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text) }
          : {}),
      });
      res.end(text);
    };
    if (req.method === 'GET' && /\/state\/?$/.test(path)) return send(200, { appeals: state.appeals, stats });
    const method = API_PATH.exec(path)?.[1];
    if (!method) return send(404, { exceptionMessage: format('emulator.notFound', { path }, bundle) });
    if (req.method !== 'POST') return send(405, { exceptionMessage: format('emulator.postOnly', undefined, bundle) });
    const body = await readBody(req);
    if (!body) return send(413, { exceptionMessage: format('emulator.tooLarge', undefined, bundle) });
    events.emit('request', { seq: n, method });

    const fault: Fault = options.faults?.({ seq: n, method, body }) ?? { kind: 'none' };
    if (fault.kind === 'drop') {
      stats.dropped++;
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'unavailable') {
      stats.unavailable++;
      return send(fault.status, undefined);
    }
    if (fault.kind === 'delay') await waitUnlessGone(res, fault.ms);
    const reject = (message: string): void => {
      stats.rejected++;
      send(500, { exceptionMessage: message });
      events.emit('import', { seq: n, status: 500, message } satisfies ImportEvent);
    };
    if (gone) {
      // Like a request whose transaction never committed: the client cannot learn the outcome.
      stats.abandoned++;
      events.emit('abandoned', { seq: n });
      return;
    }
    if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) {
      return send(415, { exceptionMessage: format('emulator.contentType', undefined, bundle) });
    }
    if (method.toLowerCase() === 'searchdepartments') return send(200, searchAnswer(body, options.departments ?? []));
    if (method.toLowerCase() !== 'import')
      return send(404, { exceptionMessage: format('emulator.notFound', { path }, bundle) });

    const valid = validateImport(body, today(), bundle);
    if (!valid.ok) return reject(valid.message);
    try {
      const outcome = applyImport(state, valid.body);
      await saver?.save();
      stats.accepted++;
      send(204);
      events.emit('import', {
        seq: n,
        status: 204,
        number: outcome.appeal.number,
        result: outcome.result,
      } satisfies ImportEvent);
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      reject(format(e.key, e.args, bundle));
    }
  };

  const listener = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    handle(req, res).catch((e: unknown) => {
      if (!res.headersSent && !res.destroyed) {
        res.writeHead(500, { 'Content-Type': 'application/json; charset=utf-8' });
        res.end(JSON.stringify({ exceptionMessage: format('emulator.internal', { error: String(e) }, bundle) }));
      }
    });
  };
  const server = options.tls ? https.createServer(options.tls, listener) : http.createServer(listener);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state,
    stats,
    events,
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await saver?.save();
    },
  };
}

async function readBody(req: http.IncomingMessage): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function waitUnlessGone(res: http.ServerResponse, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    res.once('close', done);
    function done(): void {
      clearTimeout(timer);
      res.off('close', done);
      resolve();
    }
  });
}

function searchAnswer(body: Buffer, departments: readonly Department[]): Department[] {
  try {
    const parsed: unknown = JSON.parse(body.toString('utf8').replace(/^\uFEFF/, ''));
    const name =
      typeof parsed === 'object' && parsed !== null
        ? Object.entries(parsed).find(([k]) => k.toLowerCase() === 'name')?.[1]
        : undefined;
    return typeof name === 'string' ? findDepartments(departments, name) : [];
  } catch {
    return [];
  }
}
