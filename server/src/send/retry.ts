// Retry policy: network errors, timeouts and 502/503/504 (also 408, 429) are retried with
// exponential backoff — base × 2^(n−1), capped, with jitter so parallel workers do not retry
// in step. A 500 is never retried: the server did look at the appeal and said no. A
// `Retry-After` (seconds or an HTTP date) replaces the backoff, capped at MAX_RETRY_AFTER_MS.

export interface RetryPolicy {
  /** Retries after the first attempt (so `retries + 1` attempts at most). */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000 };

/** The longest `Retry-After` honoured; a longer one is cut to this (README «Retry policy»). */
export const MAX_RETRY_AFTER_MS = 120_000;

/** Consecutive requests without any HTTP answer after which a run stops: «сервер недоступен». */
export const DEFAULT_BREAKER = 5;

/** `Retry-After: 5` or `Retry-After: Wed, 21 Oct 2026 07:28:00 GMT` → ms to wait (capped); else undefined. */
export function retryAfterMs(header: string | undefined, now: number = Date.now()): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  let ms: number;
  if (/^\d+$/.test(text)) ms = Number(text) * 1000;
  else {
    // An HTTP date (`Wed, 21 Oct 2026 07:28:00 GMT`); V8 would read '-1' or '1.5' as dates too.
    if (!/^[A-Za-z]{3},/.test(text)) return undefined;
    const at = Date.parse(text);
    if (!Number.isFinite(at)) return undefined;
    ms = Math.max(0, at - now);
  }
  return Math.min(ms, MAX_RETRY_AFTER_MS);
}

export const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([408, 429, 502, 503, 504]);

/** Delay before retry number `retry` (1-based): between half and all of base × 2^(retry−1). */
export function backoffDelay(retry: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const full = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (retry - 1));
  return Math.round(full / 2 + (random() * full) / 2);
}

/** Wait `ms`, or less when `signal` aborts (then resolves false). */
export function pause(ms: number, signal?: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve(false);
    const onAbort = (): void => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
