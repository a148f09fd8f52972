// The emulator's request log (`GET …/analytics/ver.0.2/requests/{departmentId}`, spec §3): every
// committed import of that department, with received / dispatched / uploaded times that advance
// on a schedule, and — in the `failLater` fault — an `exceptionMessage` once it is dispatched.
import { formatLogTime } from '../api/requestLog';
import type { EmulatorState, StoredAppeal } from './state';

export interface LogSchedule {
  /** After receipt, when the platform dispatches to ССТУ (ms). */
  dispatchAfterMs: number;
  /** After receipt, when ССТУ has it (ms); a request that fails later never gets here. */
  uploadAfterMs: number;
}

export const DEFAULT_LOG_SCHEDULE: LogSchedule = { dispatchAfterMs: 2000, uploadAfterMs: 5000 };

export const REQUEST_LOG_ROUTE = /\/HandlingReportPlugin\/Api\/analytics\/ver\.0\.2\/requests\/([^/]+)\/?$/i;

export function requestLogAnswer(
  state: EmulatorState,
  departmentId: string,
  schedule: LogSchedule,
  now: number,
): Record<string, unknown>[] {
  const byId = new Map(state.appeals.map((a) => [a.id, a]));
  const wanted = departmentId.toLowerCase();
  const out: Record<string, unknown>[] = [];
  for (const r of state.requests) {
    const a = byId.get(r.appealId);
    if (!a || a.departmentId.toLowerCase() !== wanted) continue;
    const dispatched = now >= r.receivedAt + schedule.dispatchAfterMs;
    const uploaded = !r.failMessage && now >= r.receivedAt + schedule.uploadAfterMs;
    out.push({
      requestId: String(r.requestId),
      number: a.number,
      dt_modified: formatLogTime(
        Math.min(now, r.receivedAt + (uploaded ? schedule.uploadAfterMs : dispatched ? schedule.dispatchAfterMs : 0)),
      ),
      departmentId: a.departmentId,
      departmentName: '',
      format: a.format,
      formatName: '',
      isDirect: false,
      createDate: a.createDate,
      name: a.name,
      address: a.address,
      email: '',
      receiveDate: formatLogTime(r.receivedAt),
      dispatchDate: dispatched ? formatLogTime(r.receivedAt + schedule.dispatchAfterMs) : null,
      uploadDate: uploaded ? formatLogTime(r.receivedAt + schedule.uploadAfterMs) : null,
      exceptionMessage: dispatched && r.failMessage ? r.failMessage : null,
      questions: questionsOf(a),
    });
  }
  return out;
}

function questionsOf(a: StoredAppeal): Record<string, unknown>[] {
  return a.questions.map((q) => ({ code: q.code, status: q.status, incomingDate: q.incomingDate ?? null }));
}
