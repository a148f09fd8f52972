// `npm run test:vscode`: the extension suite in a real VS Code; exit code = the suite's.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pruneRuns, runSuite } from './runSuite';

const log = (line: string): void => void process.stderr.write(line + '\n');

runSuite({ log }).then(
  (run) => {
    const tests = run.results?.tests ?? [];
    for (const t of tests)
      log(
        `${t.state === 'passed' ? 'ok  ' : t.state === 'pending' ? 'skip' : 'FAIL'} ${t.title}${t.error ? `\n     ${t.error.split('\n')[0]}` : ''}`,
      );
    // the activation figures the suite printed (VS Code's own, ours beside the minimal extension's)
    const consoleLog = path.join(run.runDir, 'page-console.log');
    if (fs.existsSync(consoleLog))
      for (const l of fs.readFileSync(consoleLog, 'utf8').split('\n'))
        if (/activation \(VS Code's figures\)|activation ratio|activation phases/.test(l))
          log(l.replace(/^.*?(activation)/, '$1'));
    const failed = tests.filter((t) => t.state === 'failed').length;
    log(`${tests.length} tests, ${failed} failed, exit code ${run.exitCode} (${run.host}; run folder ${run.runDir})`);
    if (run.exitCode === 0) pruneRuns();
    process.exitCode = run.exitCode === 0 && tests.length > 0 ? 0 : run.exitCode || 1;
  },
  (e: unknown) => {
    log(`VS Code suite could not run: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  },
);
