// Fault injection for tests and for trying a client's retry logic: a delay, a share of
// requests answered 503, a share of connections dropped without an answer. Rates draw from a
// seeded generator, so `--seed` repeats a run; tests may pass their own policy instead.

export type Fault =
  | { kind: 'none' }
  | { kind: 'unavailable'; status: 502 | 503 | 504 }
  | { kind: 'drop' }
  | { kind: 'delay'; ms: number };

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
  seed?: number;
}

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
    if (options.dropRate && r < options.dropRate) return { kind: 'drop' };
    if (options.failRate && r < (options.dropRate ?? 0) + options.failRate) return { kind: 'unavailable', status: 503 };
    if (options.delayMs) return { kind: 'delay', ms: options.delayMs };
    return { kind: 'none' };
  };
}
