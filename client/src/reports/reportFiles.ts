// The send and status reports in `rro.api.reportDir`, read for people: every JSON file there
// that has a `files` list with a `status` per file (send runs, resumes, status checks). Any
// state is shown; the known ones have words (stateLabel), others are shown as they are.
import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n } from '../l10n';

export interface ReportFileEntry {
  file: string;
  path: string;
  status: string;
  reason?: string;
  httpStatus?: number;
  message?: string;
  /** When the platform last moved the file (status checks). */
  at?: string;
}

export interface ReportSummary {
  /** Absolute path of the JSON report. */
  jsonPath: string;
  /** `send` for sending runs (and resumes), `status` for status checks, else the format's name. */
  kind: string;
  url?: string;
  startedAt?: string;
  finishedAt?: string;
  state?: string;
  resumedFrom?: string;
  files: ReportFileEntry[];
  /** Files per state: the known states in STATE_ORDER, then others as they appear. */
  counts: Map<string, number>;
}

/** The order counts are shown in: the outcome people look for first. */
const STATE_ORDER = [
  'accepted',
  'uploaded',
  'dispatched',
  'received',
  'rejected',
  'failed',
  'failed-later',
  'unknown',
  'not-found',
  'interrupted',
  'not-sent',
  'pending',
  'skipped',
];

/** States that count as done: nothing to retry. */
const SETTLED = new Set(['accepted', 'skipped', 'uploaded', 'dispatched', 'received']);

export function needsRetry(entry: ReportFileEntry): boolean {
  return !SETTLED.has(entry.status);
}

/** The report folder of a workspace folder (the setting, relative to the folder). */
export function reportDirOf(folder: vscode.Uri): string {
  const dir =
    vscode.workspace.getConfiguration('rro.api', folder).get<string>('reportDir') || path.join('.rro', 'reports');
  return path.resolve(folder.fsPath, dir);
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function parseReport(jsonPath: string, text: string): ReportSummary | undefined {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const r = data as Record<string, unknown>;
  if (!Array.isArray(r.files)) return undefined;
  const files: ReportFileEntry[] = [];
  for (const f of r.files as unknown[]) {
    if (typeof f !== 'object' || f === null) continue;
    const e = f as Record<string, unknown>;
    const status = str(e.status) ?? str(e.state);
    const file = str(e.file) ?? str(e.path);
    if (!status || !file) continue;
    files.push({
      file,
      path: str(e.path) ?? file,
      status,
      reason: str(e.reason),
      httpStatus: typeof e.httpStatus === 'number' ? e.httpStatus : undefined,
      message: str(e.message),
      at: str(e.uploadDate) ?? str(e.dispatchDate) ?? str(e.receiveDate),
    });
  }
  const counts = new Map<string, number>();
  const rank = (state: string): number => STATE_ORDER.indexOf(state) + 1 || STATE_ORDER.length + 1;
  for (const f of [...files].sort((a, b) => rank(a.status) - rank(b.status)))
    counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  const format = str(r.format) ?? '';
  const kind = format === 'rro-send-report' ? 'send' : /status/i.test(format) ? 'status' : format || 'send';
  return {
    jsonPath,
    kind,
    url: str(r.url),
    startedAt: str(r.startedAt) ?? str(r.checkedAt),
    finishedAt: str(r.finishedAt),
    state: str(r.state),
    resumedFrom: str(r.resumedFrom),
    files,
    counts,
  };
}

export async function readReport(jsonPath: string): Promise<ReportSummary | undefined> {
  const text = await fs.readFile(jsonPath, 'utf8').catch(() => undefined);
  return text === undefined ? undefined : parseReport(jsonPath, text);
}

/** Every report in `dir`, newest first (by start time, then name). */
export async function listReports(dir: string): Promise<ReportSummary[]> {
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const reports: ReportSummary[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const report = await readReport(path.join(dir, name));
    if (report) reports.push(report);
  }
  const time = (r: ReportSummary): number => (r.startedAt ? Date.parse(r.startedAt) : 0) || 0;
  return reports.reverse().sort((a, b) => time(b) - time(a));
}

/** A state in words (generic for states this version does not know). */
export function stateLabel(state: string): string {
  switch (state) {
    case 'accepted':
      return l10n.t('accepted');
    case 'rejected':
      return l10n.t('rejected');
    case 'failed':
      return l10n.t('not delivered');
    case 'unknown':
    case 'interrupted':
      return l10n.t('outcome unknown');
    case 'skipped':
      return l10n.t('skipped');
    case 'not-sent':
    case 'pending':
      return l10n.t('not sent');
    // the platform's request log (status check)
    case 'received':
      return l10n.t('received by the platform');
    case 'dispatched':
      return l10n.t('passed on for processing');
    case 'uploaded':
      return l10n.t('uploaded');
    case 'failed-later':
      return l10n.t('failed after it was received');
    case 'not-found':
      return l10n.t('unknown to the platform');
    default:
      return state;
  }
}

/** A reason code in words; undefined for codes without a sentence (the message then speaks). */
export function reasonLabel(reason: string | undefined, httpStatus?: number): string | undefined {
  switch (reason) {
    case undefined:
      return undefined;
    case 'gate-errors':
      return l10n.t('the file has errors');
    case 'not-appeal':
      return l10n.t('not an appeal');
    case 'unreadable':
      return l10n.t('the file cannot be read');
    case 'changed':
      return l10n.t('the file changed after it was checked');
    case 'timeout':
      return l10n.t('the server did not answer in time');
    case 'network':
      return l10n.t('the server cannot be reached');
    case 'tls':
      return l10n.t('the server’s certificate is not trusted');
    case 'proxy':
      return l10n.t('the proxy refused the connection');
    case 'already-accepted':
      return l10n.t('accepted in an earlier run');
    default:
      if (/^http-\d+$/.test(reason)) return l10n.t('the server answered with code {0}', httpStatus ?? reason.slice(5));
      return undefined;
  }
}

/** A status check's result (`rro.status`: rows of the platform's request log), as a report file. */
export interface StatusRowLike {
  file: string;
  path: string;
  platform: string;
  receiveDate?: string;
  dispatchDate?: string;
  uploadDate?: string;
  exceptionMessage?: string;
}

export function isStatusResult(v: unknown): v is { rows: StatusRowLike[] } {
  return typeof v === 'object' && v !== null && Array.isArray((v as { rows?: unknown }).rows);
}

/** The JSON a status check is kept as in the report folder (the «РРО» view's last status check). */
export function statusReportJson(rows: readonly StatusRowLike[], checkedAt: Date): string {
  return JSON.stringify(
    {
      format: 'rro-status-check',
      checkedAt: checkedAt.toISOString(),
      files: rows.map((r) => ({
        file: r.file,
        path: r.path,
        status: r.platform,
        message: r.exceptionMessage,
        receiveDate: r.receiveDate,
        dispatchDate: r.dispatchDate,
        uploadDate: r.uploadDate,
      })),
    },
    null,
    1,
  );
}
