// Fault injection for tests and for trying a client's retry logic. Like ASP.NET, the emulator
// finishes a request whose client went away: what was committed stays committed. Rates draw
// from a seeded generator, so `--seed` repeats a run; tests may pass their own policy instead.

export type Fault =
  | { kind: 'none' }
  /** Answered at once with this status (and `Retry-After` when given); nothing applied. */
  | { kind: 'unavailable'; status: 429 | 502 | 503 | 504; retryAfter?: string }
  /** The connection closed before the application saw the request: nothing applied. */
  | { kind: 'drop' }
  /** A slow server: waits `ms`, then imports — even if the client has gone meanwhile. */
  | { kind: 'delay'; ms: number }
  /** Imports at once, answers `ms` later (when the client is still there). */
  | { kind: 'late'; ms: number }
  /** Imports, then resets the connection instead of answering. */
  | { kind: 'reset' }
  /** Holds the request until the client goes away (or `ms`), then imports it. */
  | { kind: 'hold'; ms: number };

export interface RequestContext {
  /** 1-based number of the request since the emulator started. */
  seq: number;
  method: string;
  body: Buffer;
}

export type FaultPolicy = (ctx: RequestContext) => Fault;

export interface RateFaults {
  delayMs?: number;
  failRate?: number;
  dropRate?: number;
  /** Share of imports committed then answered `lateMs` later. */
  lateRate?: number;
  lateMs?: number;
  /** Share of imports committed then reset. */
  resetRate?: number;
  seed?: number;
}

/** Past the client's default 30 s timeout. */
export const DEFAULT_LATE_MS = 35_000;

/** mulberry32: small, fast, good enough to pick which request fails. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function rateFaults(options: RateFaults): FaultPolicy {
  const random = seededRandom(options.seed ?? 1);
  return () => {
    const r = random();
    let edge = 0;
    const within = (rate: number | undefined): boolean => !!rate && r < (edge += rate);
    if (within(options.dropRate)) return { kind: 'drop' };
    if (within(options.failRate)) return { kind: 'unavailable', status: 503 };
    if (within(options.lateRate)) return { kind: 'late', ms: options.lateMs ?? DEFAULT_LATE_MS };
    if (within(options.resetRate)) return { kind: 'reset' };
    if (options.delayMs) return { kind: 'delay', ms: options.delayMs };
    return { kind: 'none' };
  };
}
