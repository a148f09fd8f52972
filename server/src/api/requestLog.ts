// The platform's request log (spec §3, seen on one live deployment, not in the format document):
// `GET {root}/HandlingReportPlugin/Api/analytics/ver.0.2/requests/{departmentId}` → an array of
// the requests the platform received for that body. A 404 means "this platform publishes no
// request log" — the answer is `absent`, never an error per file.
import type { ApiResponse, GetTransport } from './client';

export const REQUEST_LOG_PATH = 'analytics/ver.0.2/requests';

/** What a log entry says about one appeal (only the fields a sender needs; no personal data). */
export interface LoggedRequest {
  requestId: string;
  number: string;
  /** `YYYY-MM-DD`. */
  createDate: string;
  departmentId: string;
  /** The platform's local time, as it writes it (`2020-08-07 12:30:01.995389`), or null. */
  receiveDate: string | null;
  dispatchDate: string | null;
  uploadDate: string | null;
  exceptionMessage: string | null;
  questionCodes: string[];
}

export type RequestLog =
  | { kind: 'log'; requests: LoggedRequest[]; malformed: number }
  | { kind: 'absent' }
  | { kind: 'error'; status: number };

/** Read the log of one department; network failures throw `ApiNetworkError` as the client does. */
export async function fetchRequestLog(
  client: GetTransport,
  departmentId: string,
  signal?: AbortSignal,
): Promise<RequestLog> {
  const res = await client.get(`${REQUEST_LOG_PATH}/${encodeURIComponent(departmentId)}`, signal);
  return parseRequestLog(res);
}

export function parseRequestLog(res: ApiResponse): RequestLog {
  if (res.status === 404) return { kind: 'absent' };
  if (res.status !== 200) return { kind: 'error', status: res.status };
  let parsed: unknown;
  try {
    parsed = JSON.parse(res.body.replace(/^\uFEFF/, ''));
  } catch {
    return { kind: 'error', status: res.status };
  }
  if (!Array.isArray(parsed)) return { kind: 'error', status: res.status };
  const requests: LoggedRequest[] = [];
  let malformed = 0;
  for (const raw of parsed) {
    const entry = loggedRequest(raw);
    if (entry) requests.push(entry);
    else malformed++;
  }
  return { kind: 'log', requests, malformed };
}

function loggedRequest(raw: unknown): LoggedRequest | undefined {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return undefined;
  const map = new Map(Object.entries(raw).map(([k, v]) => [k.toLowerCase(), v]));
  const str = (k: string): string | undefined => {
    const v = map.get(k.toLowerCase());
    return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined;
  };
  const orNull = (k: string): string | null => str(k) ?? null;
  const number = str('number');
  const createDate = str('createDate');
  if (!number || !createDate) return undefined;
  const questions = map.get('questions');
  return {
    requestId: str('requestId') ?? '',
    number,
    createDate: createDate.slice(0, 10),
    departmentId: str('departmentId') ?? '',
    receiveDate: orNull('receiveDate'),
    dispatchDate: orNull('dispatchDate'),
    uploadDate: orNull('uploadDate'),
    exceptionMessage: orNull('exceptionMessage'),
    questionCodes: Array.isArray(questions)
      ? questions.map((q: unknown) =>
          typeof q === 'object' && q !== null && typeof (q as { code?: unknown }).code === 'string'
            ? (q as { code: string }).code
            : '',
        )
      : [],
  };
}

/**
 * The platform's time text read as a local time of this machine (the platform and its senders
 * share a closed network and, we assume, a time zone). `undefined` when it is not a time.
 */
export function logTime(text: string | null): number | undefined {
  if (!text) return undefined;
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?/.exec(text);
  if (!m) return undefined;
  const ms = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  const t = new Date(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0), ms).getTime();
  return Number.isFinite(t) ? t : undefined;
}

/** The same layout the platform writes: local time with microseconds. */
export function formatLogTime(ms: number): string {
  const d = new Date(ms);
  const p = (n: number, w = 2): string => String(n).padStart(w, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ` +
    `${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}000`
  );
}

/** Requests for one appeal (number + createDate, spec §3.3), latest received first. */
export function requestsFor(log: readonly LoggedRequest[], number: string, createDate: string): LoggedRequest[] {
  return log
    .filter((r) => r.number === number && r.createDate === createDate)
    .sort((a, b) => (logTime(b.receiveDate) ?? 0) - (logTime(a.receiveDate) ?? 0));
}
