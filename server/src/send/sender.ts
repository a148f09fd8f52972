// The batch sender: POSTs the planned files to `Import` with a few workers, retries what may
// pass later, never retries a rejection, and journals every step (see journal.ts). It never
// claims more than it knows: a request whose body was written but never answered is `unknown`,
// and one with an attachment is not resent blindly (README «Outcome unknown»).
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { ApiNetworkError, type GetTransport, type ImportTransport } from '../api/client';
import { decodeBytes, type Encoding } from '../engine';
import type { Lang } from '../l10n/messages';
import { escapeControl } from '../util/safeText';
import { ReportWriter } from './journal';
import { judge } from './outcome';
import type { PlanItem, SendPlan } from './plan';
import { readLogs, receivedSince } from './reconcile';
import { backoffDelay, DEFAULT_BREAKER, DEFAULT_RETRY, pause, retryAfterMs, type RetryPolicy } from './retry';
import { countTotals, type ReportEntry, type SendReport, type StopReason, type UnknownSummary } from './types';

export const DEFAULT_CONCURRENCY = 2;

export interface SendProgress {
  done: number;
  total: number;
  entry: ReportEntry;
}

export interface SendRunOptions {
  transport: ImportTransport;
  /** Where the platform's request log is read (the real client); without it none is consulted. */
  requestLog?: GetTransport;
  /** The API root as reports show it (no credentials). */
  url: string;
  reportDir: string;
  lang: Lang;
  concurrency?: number;
  retry?: RetryPolicy;
  /** Stop: start nothing new, let the requests in flight be answered (up to their timeout). */
  signal?: AbortSignal;
  /** Abort the requests in flight as well (a second Ctrl+C): their files become `unknown`. */
  abortSignal?: AbortSignal;
  /** Resend files with an attachment whose earlier outcome is unknown, when no log settles them. */
  resendUnknown?: boolean;
  /** Consecutive requests without any HTTP answer that stop the run (default 5; 0 never). */
  breaker?: number;
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

/** What the workers share: the stop, the breaker's count, a `Retry-After` that holds everyone. */
class RunControl {
  readonly halt = new AbortController();
  stopped: StopReason | undefined;
  noAnswer = 0;
  holdUntil = 0;

  constructor(private readonly breaker: number) {}

  stop(reason: StopReason): void {
    this.stopped ??= reason;
    this.halt.abort();
  }

  answered(): void {
    this.noAnswer = 0;
  }

  unanswered(): void {
    if (this.breaker > 0 && ++this.noAnswer >= this.breaker) this.stop('server-unavailable');
  }
}

export async function runSend(plan: SendPlan, options: SendRunOptions): Promise<SendRunResult> {
  const writer = await ReportWriter.create(
    options.reportDir,
    {
      format: 'rro-send-report',
      version: 2,
      url: options.url,
      startedAt: new Date().toISOString(),
      state: 'running',
      ...(options.resumedFrom ? { resumedFrom: options.resumedFrom } : {}),
      totals: countTotals(plan.items.map((i) => i.entry)),
      files: plan.items.map((i) => ({ ...i.entry })),
    },
    options.lang,
  );
  const control = new RunControl(options.breaker ?? DEFAULT_BREAKER);
  const onStop = (): void => control.stop('signal');
  if (options.signal?.aborted) onStop();
  options.signal?.addEventListener('abort', onStop, { once: true });
  try {
    const carried = plan.items.flatMap((item, index) => (item.send && item.entry.unknownSince ? [index] : []));
    const summary = await settleEarlierUnknown(plan, writer, options);
    const queue = plan.items.map((item, index) => ({ item, index })).filter((x) => x.item.send);
    const total = queue.length;
    let next = 0;
    let done = 0;
    const started = new Set<number>();
    const worker = async (): Promise<void> => {
      while (next < queue.length && !control.halt.signal.aborted) {
        const { item, index } = queue[next++];
        started.add(index);
        writer.sending(index, new Date().toISOString());
        const entry = await sendOne(item, options, control);
        writer.result(index, entry);
        options.log?.(
          `${entry.status} ${entry.httpStatus ?? '-'} ${entry.pointer ?? ''} ${entry.file}`.replace(/ {2,}/g, ' '),
        );
        options.onProgress?.({ done: ++done, total, entry });
      }
    };
    const workers = Math.max(1, Math.min(options.concurrency ?? DEFAULT_CONCURRENCY, Math.max(total, 1)));
    await Promise.all(Array.from({ length: workers }, worker));
    // A server found unavailable is not asked again: the next resume settles those files.
    if (control.stopped !== 'server-unavailable') await settleByLog(writer, options);
    if (summary) {
      const files = carried.map((i) => writer.report.files[i]);
      summary.resent = carried.filter((i) => started.has(i) && writer.report.files[i].attempts > 0).length;
      summary.left = files.filter((f) => f.status === 'unknown').length;
      summary.verified = files.filter((f) => f.note === 'found-in-log').length;
      writer.report.unknown = summary;
    }
  } catch (e) {
    writer.abandon();
    throw e;
  } finally {
    options.signal?.removeEventListener('abort', onStop);
  }
  writer.finish(control.stopped === 'signal' ? 'cancelled' : 'finished', control.stopped);
  return { report: writer.report, jsonPath: writer.jsonPath, mdPath: writer.mdPath, journalPath: writer.journalPath };
}

/**
 * Resume: files the previous run left `unknown`. Without an attachment they are resent (an
 * import is an upsert). With one, the request log decides: received since → accepted; not in a
 * log that exists → resent; no log → resent only with `resendUnknown`, else held `unknown`.
 */
async function settleEarlierUnknown(
  plan: SendPlan,
  writer: ReportWriter,
  options: SendRunOptions,
): Promise<UnknownSummary | undefined> {
  const earlier = plan.items
    .map((item, index) => ({ item, index }))
    .filter((x) => x.item.send && x.item.entry.unknownSince);
  if (earlier.length === 0) return undefined;
  const summary: UnknownSummary = { resent: 0, verified: 0, left: 0 };
  const held = earlier.filter((x) => x.item.entry.hasAttachment);
  const logs =
    options.requestLog && held.length
      ? await readLogs(
          options.requestLog,
          held.map((x) => x.item.entry),
          options.abortSignal,
        )
      : new Map();
  for (const { item, index } of held) {
    const seen = receivedSince(item.entry, item.entry.unknownSince!, logs);
    if (seen === true) {
      item.send = false;
      writer.result(index, foundInLog(item.entry));
    } else if (seen === false) item.entry.note = 'not-in-log';
    else if (!options.resendUnknown) {
      item.send = false;
      writer.result(index, { ...item.entry, status: 'unknown', reason: 'held', note: 'held' });
    }
  }
  return summary;
}

/** After the run: a file with an attachment left unknown is looked up; found → accepted. */
async function settleByLog(writer: ReportWriter, options: SendRunOptions): Promise<void> {
  if (!options.requestLog || options.abortSignal?.aborted) return;
  const unknown = writer.report.files
    .map((entry, index) => ({ entry, index }))
    .filter(
      (x) => x.entry.status === 'unknown' && x.entry.hasAttachment && x.entry.unknownSince && x.entry.note !== 'held',
    );
  if (unknown.length === 0) return;
  // A second Ctrl+C aborts this lookup too; what it did not settle stays unknown.
  const logs = await readLogs(
    options.requestLog,
    unknown.map((x) => x.entry),
    options.abortSignal,
  );
  for (const { entry, index } of unknown) {
    if (receivedSince(entry, entry.unknownSince!, logs) !== true) continue;
    writer.result(index, foundInLog(entry));
  }
}

function foundInLog(entry: ReportEntry): ReportEntry {
  const settled: ReportEntry = { ...entry, status: 'accepted', reason: undefined, note: 'found-in-log' };
  delete settled.unknownSince;
  return settled;
}

/** «Вопрос с кодом …: файл … уже был загружен» (spec §3.2.5), in either language of the emulator. */
const ALREADY_UPLOADED = /уже был загружен|already been uploaded/i;

async function sendOne(item: PlanItem, options: SendRunOptions, control: RunControl): Promise<ReportEntry> {
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
  // Set once an attempt may have been imported; then no later failure can make the file `failed`.
  let unknownSince = entry.unknownSince;
  const notAnswered = (reason: string): ReportEntry =>
    unknownSince
      ? { ...entry, status: 'unknown', reason, unknownSince }
      : { ...entry, status: 'not-sent', reason, unknownSince: undefined };
  const settled = (e: ReportEntry): ReportEntry => {
    delete e.unknownSince;
    return e;
  };
  for (;;) {
    const hold = control.holdUntil - Date.now();
    if (hold > 0 && !(await pause(hold, control.halt.signal))) return notAnswered(control.stopped ?? 'signal');
    entry.attempts++;
    delete entry.message;
    let reason: string;
    let waitMs: number | undefined;
    const at = new Date().toISOString();
    try {
      const res = await options.transport.post('Import', body, options.abortSignal);
      control.answered();
      Object.assign(
        entry,
        { httpStatus: res.status, durationMs: round(res.durationMs) },
        res.serverMs !== undefined ? { serverMs: res.serverMs } : {},
      );
      const outcome = judge(res, item.codes);
      if (outcome.kind === 'accepted') return settled({ ...entry, status: 'accepted', reason: undefined });
      if (outcome.kind === 'rejected') {
        // The resend's attachment is there already: the earlier, unanswered attempt imported it.
        // The server's text is stored escaped: every view of the report shows it as it is.
        const message = escapeControl(outcome.message);
        if (unknownSince && ALREADY_UPLOADED.test(outcome.message))
          return settled({ ...entry, status: 'accepted', reason: undefined, note: 'accepted-earlier', message });
        return settled({
          ...entry,
          status: 'rejected',
          reason: outcome.message ? 'rejected' : 'http-500',
          message,
          pointer: outcome.pointer,
        });
      }
      if (outcome.kind === 'failed') {
        const failed = {
          ...entry,
          reason: outcome.reason,
          ...(outcome.message ? { message: escapeControl(outcome.message) } : {}),
        };
        return unknownSince ? { ...failed, status: 'unknown', unknownSince } : settled({ ...failed, status: 'failed' });
      }
      reason = outcome.reason;
      waitMs = retryAfterMs(res.retryAfter);
      if (waitMs !== undefined) control.holdUntil = Math.max(control.holdUntil, Date.now() + waitMs);
    } catch (e) {
      if (!(e instanceof ApiNetworkError)) throw e;
      entry.durationMs = round(e.durationMs);
      delete entry.httpStatus;
      if (e.bodyWritten) unknownSince ??= at;
      if (e.failure === 'aborted') return notAnswered('aborted');
      if (e.failure === 'tls' || e.failure === 'proxy')
        return unknownSince
          ? { ...entry, status: 'unknown', reason: e.failure, message: e.code, unknownSince }
          : settled({ ...entry, status: 'failed', reason: e.failure, message: e.code });
      control.unanswered();
      reason = e.failure;
      if (e.code) entry.message = e.code;
      // Resending could upload its attachment twice: settle it from the log or a later resume.
      if (e.bodyWritten && entry.hasAttachment && !options.resendUnknown) return notAnswered(reason);
    }
    if (entry.attempts > policy.retries) {
      return unknownSince ? notAnswered(reason) : settled({ ...entry, status: 'failed', reason });
    }
    if (control.halt.signal.aborted) return notAnswered(control.stopped ?? 'signal');
    const delay = waitMs ?? backoffDelay(entry.attempts, policy, options.random);
    if (!(await pause(delay, control.halt.signal))) return notAnswered(control.stopped ?? 'signal');
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
