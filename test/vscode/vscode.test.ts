// The VS Code extension suite as part of `npm test`: runs it in a real VS Code (see
// harness/runSuite.ts for which one) and reports each mocha test as a node:test subtest, so
// node's summary counts them and a failure names the test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { pruneRuns, runSuite } from './harness/runSuite';

const log = (line: string): void => void process.stderr.write(`[vscode] ${line}\n`);

test('extension suite in a real VS Code', { timeout: 25 * 60_000 }, async (t) => {
  const run = await runSuite({ log });
  const tests = run.results?.tests ?? [];
  for (const r of tests) {
    await t.test(r.title, () => {
      assert.notEqual(r.state, 'pending', 'a pending test in the VS Code suite');
      if (r.state === 'failed') assert.fail(r.error ?? 'failed');
    });
  }
  assert.ok(run.results, `the suite wrote no results (exit code ${run.exitCode}); logs in ${run.runDir}`);
  assert.ok(tests.length > 0, 'the VS Code suite ran no test');
  assert.equal(run.exitCode, 0, `VS Code run exit code (${run.host}); logs in ${run.runDir}`);
  pruneRuns();
});
