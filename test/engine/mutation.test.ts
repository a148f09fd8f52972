// Thousands of damaged documents made from the valid fixtures, plus inputs at the limits
// (100,000 levels of nesting, 50 MB strings), through parseDocument + analyze and checkBytes:
// no exception, no hang, every finding inside the text with an RFC 6901 pointer.
// Reproduce a failure with the printed seed: RRO_MUTATION_SEED=<seed> node --test <this file>.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { LARGE_CASES } from './mutation/large';
import { runSeed } from './mutation/prng';
import type { Job, WorkerMessage } from './mutation/worker';

type Done = Extract<WorkerMessage, { type: 'done' }>;

const SEED = runSeed();
const STARTUP_LIMIT_MS = 30_000;
const RANDOM_CASES = Number(process.env.RRO_MUTATION_CASES ?? 10_000);

/**
 * Run a job in a worker. `quietLimitMs` is a watchdog, not a wait: if the worker goes that
 * long without starting a new case, the case it last announced is hanging and gets named.
 */
function run(job: Job, quietLimitMs: number): Promise<Done> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(path.join(__dirname, 'mutation', 'worker.js'), { workerData: job });
    let last = '(starting)';
    // Loading the engine in a fresh worker on a busy machine may take a while: the first
    // case gets a generous limit, the ones after it the given one.
    let watchdog = setTimeout(hang, Math.max(quietLimitMs, STARTUP_LIMIT_MS));
    function hang(): void {
      void worker.terminate();
      reject(new Error(`no progress in time, hanging on: ${last}`));
    }
    worker.on('message', (m: WorkerMessage) => {
      clearTimeout(watchdog);
      if (m.type === 'case') {
        last = m.label;
        watchdog = setTimeout(hang, quietLimitMs);
      } else {
        resolve(m);
      }
    });
    worker.on('error', (e) => {
      clearTimeout(watchdog);
      reject(new Error(`worker crashed on ${last}: ${e.stack ?? e.message}`));
    });
    worker.on('exit', (code) => {
      clearTimeout(watchdog);
      reject(new Error(`worker exited with ${code} on ${last}`));
    });
  });
}

function assertClean(done: Done, what: string): void {
  assert.deepEqual(done.problems, [], `${done.problemCount} problem(s) in ${what} (seed ${SEED})`);
}

const missing = new Set<string>();

test(`mutation: ${RANDOM_CASES} damaged documents, seed ${SEED}`, async (t) => {
  t.diagnostic(`seed ${SEED} (RRO_MUTATION_SEED=${SEED} to reproduce)`);
  console.log(`mutation seed ${SEED}`);
  // Two workers, one per core, each on its own half of the cases.
  const half = Math.ceil(RANDOM_CASES / 2);
  const results = await Promise.all([
    run({ kind: 'random', seed: SEED, count: half }, 10_000),
    run({ kind: 'random', seed: (SEED + 1) >>> 0, count: RANDOM_CASES - half }, 10_000),
  ]);
  for (const r of results) {
    assertClean(r, 'random cases');
    r.missing.forEach((m) => missing.add(m));
  }
  assert.equal(
    results.reduce((n, r) => n + r.cases, 0),
    RANDOM_CASES,
  );
  const rules = new Set(results.flatMap((r) => r.rules));
  t.diagnostic(`${results.reduce((n, r) => n + r.findings, 0)} findings from ${rules.size} rules`);
  // The damage must reach beyond the syntax rules, or the test would prove little.
  for (const rule of ['rro/json-syntax', 'rro/encoding', 'rro/bom', 'rro/required', 'rro/type'])
    assert.ok(rules.has(rule), rule);
});

for (const name of Object.keys(LARGE_CASES)) {
  test(`mutation: ${name}`, async () => {
    const done = await run({ kind: 'large', name }, 30_000);
    assertClean(done, name);
    done.missing.forEach((m) => missing.add(m));
    assert.equal(done.cases, 1);
  });
}

test('the watchdog names the case a worker hangs on', async () => {
  await assert.rejects(run({ kind: 'hang' }, 300), /hanging on: a deliberate endless loop/);
});

test('every message key the findings used exists in English and Russian', () => {
  assert.deepEqual([...missing].sort(), []);
});
