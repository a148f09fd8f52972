// The platform's request log read for a set of report entries: one GET per department, and
// what the log says about each appeal. Used by the sender (to settle `unknown` files without a
// blind resend) and by `rro status`.
import { ApiNetworkError, type GetTransport } from '../api/client';
import { fetchRequestLog, logTime, requestsFor, type LoggedRequest, type RequestLog } from '../api/requestLog';
import type { ReportEntry } from './types';

/** How far the platform's clock may be behind ours when we match a request to an attempt. */
export const LOG_CLOCK_SKEW_MS = 60_000;

/** A department's log, or why there is none: `absent` (404), `error` (another answer), `unreachable`. */
export type DepartmentLog = RequestLog | { kind: 'unreachable'; failure: string };

export async function readLogs(
  source: GetTransport,
  entries: readonly ReportEntry[],
  signal?: AbortSignal,
): Promise<Map<string, DepartmentLog>> {
  const logs = new Map<string, DepartmentLog>();
  for (const e of entries) {
    const id = e.appeal?.departmentId;
    if (id === undefined || logs.has(id)) continue;
    // A platform without a log answers 404 for every department: ask it once.
    const absent = [...logs.values()].some((l) => l.kind === 'absent' || l.kind === 'unreachable');
    if (absent) {
      logs.set(
        id,
        [...logs.values()].find((l) => l.kind === 'absent' || l.kind === 'unreachable')!,
      );
      continue;
    }
    try {
      logs.set(id, await fetchRequestLog(source, id, signal));
    } catch (err) {
      if (!(err instanceof ApiNetworkError)) throw err;
      logs.set(id, { kind: 'unreachable', failure: err.failure });
    }
  }
  return logs;
}

/** The requests of this entry's appeal, latest first; undefined when the department has no log. */
export function logFor(entry: ReportEntry, logs: ReadonlyMap<string, DepartmentLog>): LoggedRequest[] | undefined {
  const log = entry.appeal ? logs.get(entry.appeal.departmentId) : undefined;
  if (log?.kind !== 'log' || !entry.appeal) return undefined;
  return requestsFor(log.requests, entry.appeal.number, entry.appeal.createDate);
}

/** Did the platform receive this appeal at or after `sinceIso` (the unknown attempt)? undefined: no log. */
export function receivedSince(
  entry: ReportEntry,
  sinceIso: string,
  logs: ReadonlyMap<string, DepartmentLog>,
): boolean | undefined {
  const requests = logFor(entry, logs);
  if (!requests) return undefined;
  const since = Date.parse(sinceIso) - LOG_CLOCK_SKEW_MS;
  return requests.some((r) => (logTime(r.receiveDate) ?? -Infinity) >= since);
}
