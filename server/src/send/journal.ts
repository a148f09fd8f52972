// The report of one run, written as it goes so that a cancel or a crash leaves an exact record.
// `send-<time>.json` is written whole (atomically) at the start — every file `not-sent` — and
// rewritten every few seconds and at the end; `send-<time>.journal.jsonl` gets one line per
// event at once (`sending` before a request, `result` after it). Reading a report replays its
// journal when the run did not finish, so what the JSON missed is not lost.
import { closeSync, openSync, promises as fs, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import * as path from 'node:path';
import type { Lang } from '../l10n/messages';
import { renderMarkdown } from './markdown';
import {
  countTotals,
  type EntryStatus,
  type ReportEntry,
  type RunState,
  type SendReport,
  type StopReason,
} from './types';

const REWRITE_EVERY_MS = 2000;

export class ReportWriter {
  private fd: number | undefined;
  private dirty = false;
  private readonly timer: NodeJS.Timeout;

  private constructor(
    readonly jsonPath: string,
    readonly mdPath: string,
    readonly journalPath: string,
    readonly report: SendReport,
    private readonly lang: Lang,
  ) {
    this.fd = openSync(journalPath, 'a');
    this.flush();
    this.timer = setInterval(() => this.dirty && this.flush(), REWRITE_EVERY_MS);
    this.timer.unref();
  }

  /** A new report in `dir`, named after the start time; `report.journal` is filled in here. */
  static async create(dir: string, report: Omit<SendReport, 'journal'>, lang: Lang): Promise<ReportWriter> {
    await fs.mkdir(dir, { recursive: true });
    const stamp = report.startedAt.replace(/[:.]/g, '-');
    for (let n = 0; ; n++) {
      const base = path.join(dir, `send-${stamp}${n ? `-${n}` : ''}`);
      try {
        closeSync(openSync(`${base}.journal.jsonl`, 'wx'));
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') continue;
        throw e;
      }
      const full: SendReport = { ...report, journal: path.basename(`${base}.journal.jsonl`) };
      return new ReportWriter(`${base}.json`, `${base}.md`, `${base}.journal.jsonl`, full, lang);
    }
  }

  /** Before a request: a crash after this line leaves the file `unknown` (since `at`). */
  sending(index: number, at: string): void {
    this.line({ t: 'sending', i: index, at });
  }

  result(index: number, entry: ReportEntry): void {
    this.report.files[index] = entry;
    this.line({ t: 'result', i: index, entry });
    this.dirty = true;
  }

  finish(state: RunState, stopped?: StopReason): void {
    clearInterval(this.timer);
    this.report.state = state;
    if (stopped) this.report.stopped = stopped;
    this.report.finishedAt = new Date().toISOString();
    this.line({ t: 'end', state });
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.flush();
  }

  /** After an unexpected error: stop writing, leave the run marked `running` (the journal has the rest). */
  abandon(): void {
    clearInterval(this.timer);
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    this.flush();
  }

  private line(event: object): void {
    if (this.fd !== undefined) writeSync(this.fd, JSON.stringify(event) + '\n');
  }

  private flush(): void {
    this.dirty = false;
    this.report.totals = countTotals(this.report.files);
    atomicWrite(this.jsonPath, JSON.stringify(this.report, null, 1) + '\n');
    atomicWrite(this.mdPath, renderMarkdown(this.report, this.lang));
  }
}

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.tmp`;
  writeFileSync(tmp, text, 'utf8');
  renameSync(tmp, file);
}

export class ReportFormatError extends Error {}

/** Read a report (`.json`, or its `.journal.jsonl`), replaying the journal of an unfinished run. */
export function loadReport(file: string): SendReport {
  const jsonPath = file.endsWith('.journal.jsonl') ? file.slice(0, -'.journal.jsonl'.length) + '.json' : file;
  let report: SendReport;
  try {
    report = JSON.parse(readFileSync(jsonPath, 'utf8')) as SendReport;
  } catch (e) {
    throw new ReportFormatError(`${jsonPath}: ${(e as Error).message}`);
  }
  if (report?.format !== 'rro-send-report' || !Array.isArray(report.files))
    throw new ReportFormatError(`${jsonPath}: not an rro send report`);
  upgrade(report);
  if (report.state === 'running') replay(report, path.join(path.dirname(jsonPath), report.journal));
  report.totals = countTotals(report.files);
  return report;
}

/** Version 1 called `not-sent` `pending` and `unknown` `interrupted`. */
const V1_STATUS: Readonly<Record<string, EntryStatus>> = { pending: 'not-sent', interrupted: 'unknown' };

function upgrade(report: SendReport): void {
  const old = report.version !== 2;
  report.version = 2;
  if (!old) return;
  for (const f of report.files) {
    const status = V1_STATUS[f.status as string];
    if (!status) continue;
    f.status = status;
    if (status === 'unknown') f.unknownSince ??= report.startedAt;
  }
}

function replay(report: SendReport, journalPath: string): void {
  let text = '';
  try {
    text = readFileSync(journalPath, 'utf8');
  } catch {
    return;
  }
  for (const line of text.split('\n')) {
    let event: { t?: string; i?: number; at?: string; entry?: ReportEntry; state?: RunState };
    try {
      event = JSON.parse(line) as typeof event;
    } catch {
      continue; // the last line of a crashed run may be torn
    }
    const i = event.i;
    if (event.t === 'end' && event.state) report.state = event.state;
    if (typeof i !== 'number' || !report.files[i]) continue;
    // Sent, never answered (or the answer never written down): it may have been imported.
    if (event.t === 'sending' && report.files[i].status === 'not-sent')
      report.files[i] = {
        ...report.files[i],
        status: 'unknown',
        reason: 'killed',
        unknownSince: report.files[i].unknownSince ?? event.at ?? report.startedAt,
      };
    if (event.t === 'result' && event.entry) {
      const entry = event.entry;
      if (V1_STATUS[entry.status as string]) entry.status = V1_STATUS[entry.status as string];
      report.files[i] = entry;
    }
  }
}
