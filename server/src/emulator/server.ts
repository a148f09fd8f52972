// `rro serve`: a local HTTP server that behaves like the РРО import API (spec §3, §3.3).
// Routes end with the API path, so any prefix works (`/IPCP/HandlingReportPlugin/Api/Import`).
// `GET …/state` shows what is stored; `GET …/analytics/ver.0.2/requests/{departmentId}` the
// request log. Like ASP.NET it finishes a request whose client went away (what it committed
// stays committed). Events let tests wait on what happened instead of sleeping.
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
import { lockDataFile } from './lock';
import { DEFAULT_LOG_SCHEDULE, REQUEST_LOG_ROUTE, requestLogAnswer, type LogSchedule } from './requestLog';
import { emptyState, StateFile, type EmulatorState, type StoredAppeal } from './state';
import { validateImport } from './validate';

const MAX_BODY_BYTES = 64 << 20;
/** Bodies being read or processed at once, in total; beyond it new requests get 503. */
export const DEFAULT_MAX_INFLIGHT_BYTES = 256 << 20;
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
  /** The request log's schedule; `false`: a platform that publishes none (404). */
  requestLog?: Partial<LogSchedule> | false;
  /** The `failLater` fault: an accepted appeal that fails once dispatched (true for those). */
  failLater?: (appeal: StoredAppeal) => boolean;
  /** Cap on the total size of request bodies in flight (default 256 MB). */
  maxInflightBytes?: number;
  /** The clock of the request log (ms). */
  now?: () => number;
}

export interface EmulatorStats {
  requests: number;
  accepted: number;
  rejected: number;
  unavailable: number;
  dropped: number;
  /** The client went away before the answer (what was committed stays committed). */
  abandoned: number;
  /** Imports committed but never answered (the client left, or the `reset` fault). */
  committedUnanswered: number;
  /** Refused 503 because the bodies in flight exceeded the cap. */
  overloaded: number;
  /** «файл … уже был загружен» rejections: an attachment sent again. */
  duplicateAttachments: number;
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
  /** `request` ({seq, method}) on arrival; `import` (ImportEvent) once decided; `abandoned` ({seq, committed}). */
  events: EventEmitter;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const state = options.state ?? emptyState();
  state.requests ??= [];
  const stats: EmulatorStats = {
    requests: 0,
    accepted: 0,
    rejected: 0,
    unavailable: 0,
    dropped: 0,
    abandoned: 0,
    committedUnanswered: 0,
    overloaded: 0,
    duplicateAttachments: 0,
  };
  const events = new EventEmitter();
  const bundle = bundleFor(options.lang ?? 'ru');
  const lock = options.dataFile ? lockDataFile(options.dataFile) : undefined;
  const saver = options.dataFile ? new StateFile(options.dataFile, () => state) : undefined;
  const today = options.today ?? (() => localDay(new Date()));
  const now = options.now ?? Date.now;
  const schedule: LogSchedule | undefined =
    options.requestLog === false
      ? undefined
      : {
          dispatchAfterMs: options.requestLog?.dispatchAfterMs ?? DEFAULT_LOG_SCHEDULE.dispatchAfterMs,
          uploadAfterMs: options.requestLog?.uploadAfterMs ?? DEFAULT_LOG_SCHEDULE.uploadAfterMs,
        };
  const maxInflight = options.maxInflightBytes ?? DEFAULT_MAX_INFLIGHT_BYTES;
  const closing = new AbortController();
  let inflight = 0;
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
    const logOf = REQUEST_LOG_ROUTE.exec(path)?.[1];
    if (logOf !== undefined && req.method === 'GET') {
      if (!schedule) return send(404, { exceptionMessage: format('emulator.notFound', { path }, bundle) });
      return send(200, requestLogAnswer(state, decodeURIComponent(logOf), schedule, now()));
    }
    const method = API_PATH.exec(path)?.[1];
    if (!method) return send(404, { exceptionMessage: format('emulator.notFound', { path }, bundle) });
    if (req.method !== 'POST') return send(405, { exceptionMessage: format('emulator.postOnly', undefined, bundle) });
    // Memory stays bounded: what is declared (or read, for chunked bodies) counts until answered.
    const declared = Number(req.headers['content-length']) || 0;
    if (inflight + declared > maxInflight) {
      stats.overloaded++;
      res.setHeader('Retry-After', '1');
      res.setHeader('Connection', 'close');
      return send(503, { exceptionMessage: format('emulator.overloaded', undefined, bundle) });
    }
    inflight += declared;
    let counted = declared;
    try {
      const body = await readBody(req, (n) => {
        if (n <= counted) return true;
        if (inflight + (n - counted) > maxInflight) return false;
        inflight += n - counted;
        counted = n;
        return true;
      });
      if (body === 'overloaded') {
        stats.overloaded++;
        res.setHeader('Connection', 'close');
        return send(503, { exceptionMessage: format('emulator.overloaded', undefined, bundle) });
      }
      if (!body) return send(413, { exceptionMessage: format('emulator.tooLarge', undefined, bundle) });
      await handleApi(n, method, path, body, req, res, send, () => gone);
    } finally {
      inflight -= counted;
    }
  };

  const handleApi = async (
    n: number,
    method: string,
    path: string,
    body: Buffer,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    send: (status: number, body?: unknown) => void,
    isGone: () => boolean,
  ): Promise<void> => {
    events.emit('request', { seq: n, method });
    const fault: Fault = options.faults?.({ seq: n, method, body }) ?? { kind: 'none' };
    if (fault.kind === 'drop') {
      stats.dropped++;
      req.socket.destroy();
      return;
    }
    if (fault.kind === 'unavailable') {
      stats.unavailable++;
      if (fault.retryAfter !== undefined) res.setHeader('Retry-After', fault.retryAfter);
      return send(fault.status, undefined);
    }
    if (!/^application\/json/i.test(req.headers['content-type'] ?? '')) {
      return send(415, { exceptionMessage: format('emulator.contentType', undefined, bundle) });
    }
    if (method.toLowerCase() === 'searchdepartments') return send(200, searchAnswer(body, options.departments ?? []));
    if (method.toLowerCase() !== 'import')
      return send(404, { exceptionMessage: format('emulator.notFound', { path }, bundle) });
    // A slow server still does the work when the client has left (ASP.NET does not check).
    if (fault.kind === 'delay') await sleep(fault.ms, closing.signal);
    if (fault.kind === 'hold') await untilGone(res, fault.ms, closing.signal);
    if (closing.signal.aborted) return;
    const answer = await importOne(n, body);
    if (fault.kind === 'late') await sleep(fault.ms, closing.signal);
    if (fault.kind === 'reset' || isGone()) {
      if (fault.kind === 'reset') req.socket.destroy();
      else stats.abandoned++;
      if (answer.status === 204) stats.committedUnanswered++;
      events.emit('abandoned', { seq: n, committed: answer.status === 204 });
      return;
    }
    send(answer.status, answer.body);
  };

  /** Validate, apply, save: the answer it would give. The state changes only on 204. */
  const importOne = async (n: number, body: Buffer): Promise<{ status: number; body?: unknown }> => {
    const reject = (message: string): { status: number; body: unknown } => {
      stats.rejected++;
      events.emit('import', { seq: n, status: 500, message } satisfies ImportEvent);
      return { status: 500, body: { exceptionMessage: message } };
    };
    const valid = validateImport(body, today(), bundle);
    if (!valid.ok) return reject(valid.message);
    let outcome;
    try {
      outcome = applyImport(state, valid.body);
    } catch (e) {
      if (!(e instanceof ImportRejected)) throw e;
      if (e.key === 'emulator.attachmentExists') stats.duplicateAttachments++;
      return reject(format(e.key, e.args, bundle));
    }
    const failMessage = options.failLater?.(outcome.appeal)
      ? format('emulator.failedLater', { code: outcome.appeal.questions[0]?.code ?? '' }, bundle)
      : undefined;
    state.requests.push({
      requestId: state.requests.length + 1,
      appealId: outcome.appeal.id,
      receivedAt: now(),
      ...(failMessage ? { failMessage } : {}),
    });
    await saver?.save();
    stats.accepted++;
    events.emit('import', {
      seq: n,
      status: 204,
      number: outcome.appeal.number,
      result: outcome.result,
    } satisfies ImportEvent);
    return { status: 204 };
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
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
  } catch (e) {
    lock?.release();
    throw e;
  }
  const port = (server.address() as AddressInfo).port;
  const host = options.host ?? '127.0.0.1';
  return {
    url: `${options.tls ? 'https' : 'http'}://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    state,
    stats,
    events,
    close: async () => {
      closing.abort();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      try {
        await saver?.save();
      } finally {
        lock?.release();
      }
    },
  };
}

/** The body, `undefined` past MAX_BODY_BYTES, `overloaded` when `reserve(size so far)` says no. */
async function readBody(
  req: http.IncomingMessage,
  reserve: (size: number) => boolean,
): Promise<Buffer | undefined | 'overloaded'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return undefined;
    if (!reserve(size)) return 'overloaded';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Wait `ms`, or until the emulator closes. */
function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    const done = (): void => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });
}

/** Wait until the client has gone (the response closed), at most `ms`. */
function untilGone(res: http.ServerResponse, ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (res.destroyed || signal.aborted) return resolve();
    const timer = setTimeout(done, ms);
    res.once('close', done);
    signal.addEventListener('abort', done, { once: true });
    function done(): void {
      clearTimeout(timer);
      res.off('close', done);
      signal.removeEventListener('abort', done);
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
