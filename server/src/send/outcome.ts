// What an answer of `Import` means for one file.
import type { ApiResponse } from '../api/client';
import { TRANSIENT_STATUSES } from './retry';

export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; message: string; pointer: string }
  | { kind: 'retry'; reason: string }
  | { kind: 'failed'; reason: string; message: string };

/** `codes[i]` is the code of question i of the file, for pointing a rejection at it. */
export function judge(res: ApiResponse, codes: readonly string[]): Outcome {
  if (res.status >= 200 && res.status < 300) return { kind: 'accepted' };
  if (TRANSIENT_STATUSES.has(res.status)) return { kind: 'retry', reason: `http-${res.status}` };
  if (res.status === 500) {
    const message = exceptionMessage(res.body) ?? '';
    return { kind: 'rejected', message, pointer: pointerFor(message, codes) };
  }
  return { kind: 'failed', reason: `http-${res.status}`, message: exceptionMessage(res.body) ?? '' };
}

/** `{"exceptionMessage": …}` (any case, also ASP.NET's `Message`/`ExceptionMessage`). */
export function exceptionMessage(body: string): string | undefined {
  try {
    const parsed: unknown = JSON.parse(body.replace(/^\uFEFF/, ''));
    if (typeof parsed === 'string') return parsed;
    if (typeof parsed !== 'object' || parsed === null) return undefined;
    const entries = Object.entries(parsed);
    for (const key of ['exceptionmessage', 'message']) {
      const hit = entries.find(([k, v]) => k.toLowerCase() === key && typeof v === 'string');
      if (hit) return hit[1] as string;
    }
  } catch {
    // not JSON: an HTML error page says nothing we can show
  }
  return undefined;
}

/** «Вопрос с кодом 9876: …» → `/questions/i/code` of the question with that code; else the document. */
export function pointerFor(message: string, codes: readonly string[]): string {
  const m = /(?:Вопрос с кодом|Question with code)\s+«?(\d[\d.]*)/i.exec(message);
  if (!m) return '';
  const i = codes.indexOf(m[1].replace(/\.+$/, ''));
  return i >= 0 ? `/questions/${i}/code` : '';
}
