// The sender's vocabulary and the report format (README «Report format»). The JSON report is
// the contract: `rro send --resume` and the VS Code command read it back.

/**
 * `accepted` 204; `rejected` 500 with the server's reason, never retried; `failed` no answer
 * after the retries, or an answer that is not about the file (401, 404…); `skipped` not sent
 * (the engine found errors, not an appeal, unreadable); `pending` not attempted (cancel or
 * crash); `interrupted` sent but cut off before an answer — the server's outcome is unknown.
 */
export type EntryStatus = 'accepted' | 'rejected' | 'failed' | 'skipped' | 'pending' | 'interrupted';

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
}

export type RunState = 'running' | 'finished' | 'cancelled';

export interface SendReport {
  format: 'rro-send-report';
  version: 1;
  /** The API root (no credentials). */
  url: string;
  startedAt: string;
  finishedAt?: string;
  state: RunState;
  /** The report this run resumed, if any. */
  resumedFrom?: string;
  /** The journal file beside the report (one JSON line per event). */
  journal: string;
  totals: Record<EntryStatus, number>;
  files: ReportEntry[];
}

export function emptyTotals(): Record<EntryStatus, number> {
  return { accepted: 0, rejected: 0, failed: 0, skipped: 0, pending: 0, interrupted: 0 };
}

export function countTotals(files: readonly ReportEntry[]): Record<EntryStatus, number> {
  const totals = emptyTotals();
  for (const f of files) totals[f.status]++;
  return totals;
}
