// The sender's vocabulary and the report format (README «Report format»). The JSON report is
// the contract: `rro send --resume` and the VS Code command read it back.

/**
 * `accepted` 204 (or found in the platform's request log); `rejected` 500 with the server's
 * reason, never retried; `failed` no answer that reached the server after the retries, or an
 * answer that is not about the file (401, 404…) — the server did not apply it; `unknown` the body
 * was written but no answer came (timeout, reset, killed, Ctrl+C) — it may have been imported;
 * `skipped` not sent on purpose (errors, not an appeal, unreadable); `not-sent` never reached the
 * server (a stop, a crash, the server unreachable).
 */
export type EntryStatus = 'accepted' | 'rejected' | 'failed' | 'unknown' | 'skipped' | 'not-sent';

export const ENTRY_STATUSES: readonly EntryStatus[] = [
  'accepted',
  'rejected',
  'failed',
  'unknown',
  'skipped',
  'not-sent',
];

/** Where the outcome of an `unknown` attempt was settled (`note` of an entry). */
export type EntryNote =
  /** A resend was refused «файл … уже был загружен»: the earlier, unknown attempt imported it. */
  | 'accepted-earlier'
  /** The platform's request log shows it received after the unknown attempt. */
  | 'found-in-log'
  /** The request log does not show it: resent. */
  | 'not-in-log'
  /** No request log and no `--resend-unknown`: not resent, its attachment could be uploaded twice. */
  | 'held';

/** What identifies the appeal on the platform (spec §3.3) and where its log is: no personal data. */
export interface AppealKey {
  departmentId: string;
  number: string;
  createDate: string;
}

export interface ReportEntry {
  /** Path as shown to the user: relative to the working folder when inside it. */
  file: string;
  /** Absolute path, what resume opens. */
  path: string;
  /** SHA-256 of the file's bytes as read for this run (hex). */
  sha256: string;
  status: EntryStatus;
  /** Stable reason code: `gate-errors`, `not-appeal`, `unreadable`, `changed`, `timeout`, `network`, `tls`, `proxy`, `http-401`, `already-accepted`, … */
  reason?: string;
  httpStatus?: number;
  /** The server's `exceptionMessage` for `rejected`; a readable sentence otherwise. */
  message?: string;
  /** Where a rejection points: `/questions/i/code` when the message names a question code, else ``. */
  pointer?: string;
  /** Engine errors that made the file skipped: `rule pointer` pairs. */
  errors?: string[];
  attempts: number;
  /** Wall time of the last attempt (ms); for an earlier acceptance, of that attempt. */
  durationMs?: number;
  /** The server's own time of the last attempt, when it says (`Server-Timing`). */
  serverMs?: number;
  /** Accepted in an earlier run (resume) and unchanged since, not sent again: that run's start time. */
  acceptedBefore?: string;
  /** Some question carries an attachment: an unknown outcome is not resent blindly. */
  hasAttachment?: boolean;
  /** ISO time of the first attempt whose outcome was unknown (kept across resumes until settled). */
  unknownSince?: string;
  note?: EntryNote;
  /** The appeal's identity, for the request log and `rro status` (absent for files not sent). */
  appeal?: AppealKey;
}

export type RunState = 'running' | 'finished' | 'cancelled';

/** Why a run stopped before its end: a signal (Ctrl+C, SIGTERM, VS Code cancel) or the circuit breaker. */
export type StopReason = 'signal' | 'server-unavailable';

/** What a resume did with the files the previous run left `unknown`. */
export interface UnknownSummary {
  resent: number;
  /** Settled without a resend: found in the request log. */
  verified: number;
  /** Still unknown: held back (no log, no `--resend-unknown`) or unknown again. */
  left: number;
}
export interface SendReport {
  format: 'rro-send-report';
  /** 2: statuses `unknown`/`not-sent` (1 said `interrupted`/`pending`; still read). */
  version: 2;
  /** The API root (no credentials). */
  url: string;
  startedAt: string;
  finishedAt?: string;
  state: RunState;
  /** The report this run resumed, if any. */
  resumedFrom?: string;
  stopped?: StopReason;
  /** Resume only: the previous run's unknown files. */
  unknown?: UnknownSummary;
  /** The journal file beside the report (one JSON line per event). */
  journal: string;
  totals: Record<EntryStatus, number>;
  files: ReportEntry[];
}

export function emptyTotals(): Record<EntryStatus, number> {
  return { accepted: 0, rejected: 0, failed: 0, unknown: 0, skipped: 0, 'not-sent': 0 };
}

export function countTotals(files: readonly ReportEntry[]): Record<EntryStatus, number> {
  const totals = emptyTotals();
  for (const f of files) totals[f.status]++;
  return totals;
}
