// `rro status`: what the platform's request log says about each appeal of send reports —
// received, dispatched to ССТУ, uploaded, failed later (its `exceptionMessage`), or unknown to it.
import type { GetTransport } from '../api/client';
import { escapeControl } from '../util/safeText';
import { pointerFor } from './outcome';
import { logFor, readLogs, type DepartmentLog } from './reconcile';
import type { EntryStatus, ReportEntry, SendReport } from './types';

/** The furthest step the log shows; `not-found`: the platform does not know the appeal. */
export type PlatformState = 'received' | 'dispatched' | 'uploaded' | 'failed-later' | 'not-found';

export interface StatusRow {
  file: string;
  path: string;
  /** What the send report said. */
  sent: EntryStatus;
  platform: PlatformState;
  receiveDate?: string;
  dispatchDate?: string;
  uploadDate?: string;
  /** The platform's later failure (text from outside: shown escaped). */
  exceptionMessage?: string;
  /** `/questions/i/code` when the failure names a question code of the file. */
  pointer?: string;
}

export interface StatusResult {
  /** `absent`: the platform publishes no request log (404): nothing per file. */
  log: 'present' | 'absent' | 'unreachable' | 'error';
  /** When `log` is not present: the HTTP status or network failure. */
  detail?: string;
  rows: StatusRow[];
  /** Every accepted appeal found and none failed later. */
  ok: boolean;
}

/** Appeals of the reports worth asking about: accepted, or unknown (it may have been imported). */
export function appealsOf(reports: readonly SendReport[]): ReportEntry[] {
  const byPath = new Map<string, ReportEntry>();
  for (const r of reports)
    for (const f of r.files) if (f.appeal && (f.status === 'accepted' || f.status === 'unknown')) byPath.set(f.path, f);
  return [...byPath.values()];
}

export async function platformStatus(
  source: GetTransport,
  reports: readonly SendReport[],
  codesOf: (entry: ReportEntry) => readonly string[] = () => [],
  signal?: AbortSignal,
): Promise<StatusResult> {
  const entries = appealsOf(reports);
  const logs = await readLogs(source, entries, signal);
  const first: DepartmentLog | undefined = logs.values().next().value;
  if (first && first.kind !== 'log' && [...logs.values()].every((l) => l.kind !== 'log')) {
    const detail =
      first.kind === 'error' ? `HTTP ${first.status}` : first.kind === 'unreachable' ? first.failure : undefined;
    return { log: first.kind, ...(detail ? { detail } : {}), rows: [], ok: false };
  }
  const rows = entries.map((entry): StatusRow => {
    const found = logFor(entry, logs)?.[0];
    const base = { file: escapeControl(entry.file), path: entry.path, sent: entry.status };
    if (!found) return { ...base, platform: 'not-found' };
    const dates = {
      ...(found.receiveDate ? { receiveDate: escapeControl(found.receiveDate) } : {}),
      ...(found.dispatchDate ? { dispatchDate: escapeControl(found.dispatchDate) } : {}),
      ...(found.uploadDate ? { uploadDate: escapeControl(found.uploadDate) } : {}),
    };
    if (found.exceptionMessage) {
      const pointer = pointerFor(found.exceptionMessage, codesOf(entry).length ? codesOf(entry) : found.questionCodes);
      const exceptionMessage = escapeControl(found.exceptionMessage);
      return { ...base, ...dates, platform: 'failed-later', exceptionMessage, pointer };
    }
    const platform = found.uploadDate ? 'uploaded' : found.dispatchDate ? 'dispatched' : 'received';
    return { ...base, ...dates, platform };
  });
  const ok = rows.every((r) => r.platform !== 'failed-later' && (r.sent !== 'accepted' || r.platform !== 'not-found'));
  return { log: 'present', rows, ok };
}
