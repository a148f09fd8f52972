// Shared helpers of the benchmarks: option parsing and the one line format every figure uses,
// "what: ours  vs  baseline  = ratio× (target) ok|MISSED".

/** The arguments a bench receives: everything after the bench names on the command line. */
export type BenchArgs = readonly string[];

export function stringOption(args: BenchArgs, name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

export function numberOption(args: BenchArgs, name: string): number | undefined {
  const value = stringOption(args, name);
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} wants a positive number, got ${JSON.stringify(value)}`);
  return n;
}

export interface Target {
  /** The ratio must be at least this (throughput). */
  min?: number;
  /** The ratio must be at most this (time, memory). */
  max?: number;
  /** Free text instead of (or beside) a ratio target. */
  note?: string;
}

export function ratioLine(what: string, ours: string, baseline: string, ratio: number, target: Target = {}): string {
  const parts = [`${what}: ${ours}  vs  ${baseline}  = ${ratio.toFixed(2)}×`];
  if (target.min !== undefined) parts.push(`(target ≥ ${target.min}×) ${ratio >= target.min ? 'ok' : 'MISSED'}`);
  if (target.max !== undefined) parts.push(`(target ≤ ${target.max}×) ${ratio <= target.max ? 'ok' : 'MISSED'}`);
  if (target.note) parts.push(target.note);
  return parts.join('  ');
}
