// Runs damaged documents through the engine off the test's thread, so the test can stop a
// hang (a worker can be terminated; a synchronous loop on the main thread cannot).
// Before each case it posts what it is about to do: the last such message names the culprit.
import { parentPort, workerData } from 'node:worker_threads';
import {
  analyze,
  checkBytes,
  parseDocument,
  type CheckOptions,
  type JsonNode,
  type ParsedDocument,
} from '../../../server/src/engine';
import { findingProblems, missingMessages } from './invariants';
import { LARGE_CASES } from './large';
import { damagedCase, seedDocuments } from './cases';

export type Job =
  | { kind: 'random'; seed: number; count: number }
  | { kind: 'large'; name: string }
  /** Announces a case and never finishes it: proves the test's watchdog catches a hang. */
  | { kind: 'hang' };

export type WorkerMessage =
  | { type: 'case'; label: string }
  | {
      type: 'done';
      cases: number;
      findings: number;
      rules: string[];
      problemCount: number;
      problems: string[];
      missing: string[];
    };

const post = (m: WorkerMessage): void => parentPort!.postMessage(m);

const stats = { cases: 0, findings: 0, problemCount: 0, rules: new Set<string>(), missing: new Set<string>() };
/** The first example of each kind of problem (numbers and the case label left out of the kind). */
const problemsByKind = new Map<string, string>();

function problem(label: string, text: string): void {
  stats.problemCount++;
  const kind = text.replace(/[0-9]+/g, '#').slice(0, 200);
  if (!problemsByKind.has(kind) && problemsByKind.size < 50) problemsByKind.set(kind, `${label}: ${text}`);
}

/** Both doors of the engine on one input; every problem is recorded with the case's label. */
function check(label: string, bytes: Uint8Array, text: string | undefined, opts: CheckOptions): void {
  stats.cases++;
  try {
    if (text !== undefined) {
      post({ type: 'case', label: label + ' [text]' });
      const doc = parseDocument(text);
      const result = analyze(doc, opts);
      record(label + ' [text]', result.findings, text, resolvable(doc));
    }
    post({ type: 'case', label: label + ' [bytes]' });
    const byBytes = checkBytes(bytes, opts);
    record(label + ' [bytes]', byBytes.findings, byBytes.text, resolvable(byBytes.doc));
  } catch (e) {
    problem(label, `threw ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
  }
}

/**
 * The tree pointers must resolve in; none when a key repeats, since a path through a repeated
 * key names two places and the resolver picks the one the server binds.
 */
function resolvable(doc: ParsedDocument): JsonNode | undefined {
  return doc.duplicateKeys.length === 0 ? doc.root : undefined;
}

function record(label: string, findings: Parameters<typeof findingProblems>[0], text: string, root?: JsonNode): void {
  stats.findings += findings.length;
  for (const f of findings) stats.rules.add(f.rule);
  for (const p of findingProblems(findings, text, root)) problem(label, p);
  for (const m of missingMessages(findings)) stats.missing.add(m);
}

function runRandom(seed: number, count: number): void {
  const fixtures = seedDocuments();
  for (let i = 0; i < count; i++) {
    const c = damagedCase(fixtures, seed, i);
    check(c.label, c.bytes, c.text, c.options);
  }
}

function runLarge(name: string): void {
  const text = LARGE_CASES[name]();
  check(name, Buffer.from(text, 'utf8'), text, { today: '2026-11-25', expectRro: true });
}

const job = workerData as Job;
if (job.kind === 'random') runRandom(job.seed, job.count);
else if (job.kind === 'large') runLarge(job.name);
else {
  post({ type: 'case', label: 'a deliberate endless loop' });
  for (;;);
}
post({
  type: 'done',
  cases: stats.cases,
  findings: stats.findings,
  rules: [...stats.rules].sort(),
  problemCount: stats.problemCount,
  problems: [...problemsByKind.values()],
  missing: [...stats.missing].sort(),
});
