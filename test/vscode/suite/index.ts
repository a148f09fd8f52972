// The suite's entry point: VS Code (desktop through @vscode/test-electron, or code-server
// through the smoke-test payload) calls run() inside its extension host. Mocha runs every
// *.suite.js beside this file (not *.test.js: node's runner must not load them outside VS
// Code), and each test's outcome is written to the results file the node:test wrapper reads.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import { RESULTS_ENV, type SuiteResults, type TestRecord } from './results';

function titleOf(test: Mocha.Runnable): string {
  return test.titlePath().join(' › ');
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 30_000, reporter: 'spec' });
  // RRO_VSCODE_SUITES=form,month runs only those suite files (while working on one part).
  const only = (process.env.RRO_VSCODE_SUITES ?? '').split(',').filter(Boolean);
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.suite.js'))
    .filter((f) => only.length === 0 || only.includes(f.replace(/\.suite\.js$/, '')))
    .sort();
  for (const f of files) mocha.addFile(path.join(__dirname, f));
  const records: TestRecord[] = [];
  const write = (): void => {
    const file = process.env[RESULTS_ENV];
    if (!file) return;
    const results: SuiteResults = {
      vscodeVersion: vscode.version,
      uiKind: vscode.env.uiKind === vscode.UIKind.Web ? 'web' : 'desktop',
      language: vscode.env.language,
      tests: records,
    };
    fs.writeFileSync(file, JSON.stringify(results, null, 2));
  };
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      write();
      if (failures > 0) reject(new Error(`${failures} VS Code test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => records.push({ title: titleOf(t), state: 'passed', durationMs: t.duration ?? 0 }));
    runner.on('pending', (t) => records.push({ title: titleOf(t), state: 'pending', durationMs: 0 }));
    // hooks fail through here too: their title says which hook
    runner.on('fail', (t, err: Error) =>
      records.push({
        title: titleOf(t),
        state: 'failed',
        durationMs: t.duration ?? 0,
        error: `${err.message}\n${err.stack ?? ''}`.slice(0, 4000),
      }),
    );
  });
}
