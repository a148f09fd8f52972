// The batch sender: POSTs the planned files to `Import` with a few workers, retries what may
// pass later, never retries a rejection, and journals every step (see journal.ts).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { ApiNetworkError, type ImportTransport } from '../api/client';
import { decodeBytes, type Encoding } from '../engine';
import type { Lang } from '../l10n/messages';
import { ReportWriter } from './journal';
import { judge } from './outcome';
import type { PlanItem, SendPlan } from './plan';
import { backoffDelay, DEFAULT_RETRY, pause, type RetryPolicy } from './retry';
import { countTotals, type ReportEntry, type SendReport } from './types';

export const DEFAULT_CONCURRENCY = 2;

export interface SendProgress {
  done: number;
  total: number;
  entry: ReportEntry;
}

export interface SendRunOptions {
  transport: ImportTransport;
  /** The API root as reports show it (no credentials). */
  url: string;
  reportDir: string;
  lang: Lang;
  concurrency?: number;
  retry?: RetryPolicy;
  signal?: AbortSignal;
  /** Called after each file that was sent (not for skipped or carried-over ones). */
  onProgress?: (progress: SendProgress) => void;
  /** One line per event: status, HTTP status, pointer, file name — never file content or messages. */
  log?: (line: string) => void;
  resumedFrom?: string;
  random?: () => number;
}

export interface SendRunResult {
  report: SendReport;
  jsonPath: string;
  mdPath: string;
  journalPath: string;
}

export async function runSend(plan: SendPlan, options: SendRunOptions): Promise<SendRunResult> {
  const writer = await ReportWriter.create(
    options.reportDir,
    {
      format: 'rro-send-report',
      version: 1,
      url: options.url,
      startedAt: new Date().toISOString(),
      state: 'running',
      ...(options.resumedFrom ? { resumedFrom: options.resumedFrom } : {}),
      totals: countTotals(plan.items.map((i) => i.entry)),
      files: plan.items.map((i) => ({ ...i.entry })),
    },
    options.lang,
  );
  const queue = plan.items.map((item, index) => ({ item, index })).filter((x) => x.item.send);
  const total = queue.length;
  let next = 0;
  let done = 0;
  const worker = async (): Promise<void> => {
    while (next < queue.length && !options.signal?.aborted) {
      const { item, index } = queue[next++];
      writer.sending(index);
      const entry = await sendOne(item, options);
      // A file cut off by a cancel stays visible as such; one never started stays `pending`.
      writer.result(index, entry);
      options.log?.(
        `${entry.status} ${entry.httpStatus ?? '-'} ${entry.pointer ?? ''} ${entry.file}`.replace(/ {2,}/g, ' '),
      );
      options.onProgress?.({ done: ++done, total, entry });
    }
  };
  const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, Math.max(total, 1)));
  try {
    await Promise.all(Array.from({ length: workers }, worker));
  } catch (e) {
    writer.abandon();
    throw e;
  }
  writer.finish(options.signal?.aborted ? 'cancelled' : 'finished');
  return { report: writer.report, jsonPath: writer.jsonPath, mdPath: writer.mdPath, journalPath: writer.journalPath };
}

async function sendOne(item: PlanItem, options: SendRunOptions): Promise<ReportEntry> {
  const entry: ReportEntry = { ...item.entry, attempts: 0 };
  let bytes = item.bytes;
  delete item.bytes;
  if (!bytes) {
    try {
      bytes = await fs.readFile(entry.path);
    } catch (e) {
      return { ...entry, status: 'failed', reason: 'unreadable', message: (e as NodeJS.ErrnoException).code ?? 'EIO' };
    }
    // The gate judged other bytes: sending these unchecked would defeat it.
    if (createHash('sha256').update(bytes).digest('hex') !== entry.sha256)
      return { ...entry, status: 'skipped', reason: 'changed' };
  }
  const body = requestBody(bytes, item.encoding);
  const policy = options.retry ?? DEFAULT_RETRY;
  for (;;) {
    entry.attempts++;
    delete entry.message;
    let reason: string;
    try {
      const res = await options.transport.post('Import', body, options.signal);
      Object.assign(
        entry,
        { httpStatus: res.status, durationMs: round(res.durationMs) },
        res.serverMs !== undefined ? { serverMs: res.serverMs } : {},
      );
      const outcome = judge(res, item.codes);
      if (outcome.kind === 'accepted') return { ...entry, status: 'accepted', reason: undefined };
      if (outcome.kind === 'rejected') {
        return {
          ...entry,
          status: 'rejected',
          reason: outcome.message ? 'rejected' : 'http-500',
          message: outcome.message,
          pointer: outcome.pointer,
        };
      }
      if (outcome.kind === 'failed')
        return {
          ...entry,
          status: 'failed',
          reason: outcome.reason,
          ...(outcome.message ? { message: outcome.message } : {}),
        };
      reason = outcome.reason;
    } catch (e) {
      if (!(e instanceof ApiNetworkError)) throw e;
      entry.durationMs = round(e.durationMs);
      delete entry.httpStatus;
      if (e.failure === 'aborted') return { ...entry, status: 'interrupted', reason: 'aborted' };
      if (e.failure === 'tls' || e.failure === 'proxy')
        return { ...entry, status: 'failed', reason: e.failure, message: e.code };
      reason = e.failure;
      if (e.code) entry.message = e.code;
    }
    if (entry.attempts > policy.retries) return { ...entry, status: 'failed', reason };
    if (!(await pause(backoffDelay(entry.attempts, policy, options.random), options.signal))) {
      return { ...entry, status: 'pending', reason: 'aborted' };
    }
  }
}

/** One appeal, UTF-8 without a BOM: the importer reads UTF-8 (spec §2, §3). */
function requestBody(bytes: Buffer, encoding: Encoding): Buffer {
  if (encoding === 'utf-8')
    return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
  return Buffer.from(decodeBytes(bytes).text.replace(/^\uFEFF/, ''), 'utf8');
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
