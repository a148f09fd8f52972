// One run of the extension suite in a real VS Code, whichever host: prepares a run folder
// (fresh workspace copy, results file), runs, and reads the per-test results back.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LANGUAGE_ENV, RESULTS_ENV, type SuiteResults } from '../suite/results';
import { chooseHost, type Host } from './chooseHost';
import { runInCodeServer } from './codeServerRoute';
import { runInElectron } from './electronRoute';
import { ensureToolchain } from './install';
import { installIntoExtensionsDir, writeMinimalExtension } from './minimalExtension';
import { cacheDir, copyWorkspace, extensionDir, suiteEntry } from './paths';

export interface SuiteRun {
  host: Host;
  exitCode: number;
  results: SuiteResults | undefined;
  runDir: string;
}

export interface RunOptions {
  log: (line: string) => void;
  /** For the suite itself (install time is not counted). */
  timeoutMs?: number;
}

/** A fresh folder for one run (server data, logs, workspace copy) under the cache. */
export function prepareRunDir(cache: string): string {
  const runs = path.join(cache, 'runs');
  fs.mkdirSync(runs, { recursive: true });
  return fs.mkdtempSync(path.join(runs, `run-${new Date().toISOString().replace(/[:.]/g, '-')}-`));
}

export async function runSuite(o: RunOptions): Promise<SuiteRun> {
  if (!fs.existsSync(suiteEntry)) throw new Error(`${suiteEntry} is missing — run \`npm run build\` first`);
  if (!fs.existsSync(path.join(extensionDir, 'dist', 'client.js')))
    throw new Error('dist/client.js is missing — run `npm run build` first');
  const { host, why } = await chooseHost();
  o.log(`VS Code host: ${host} (${why})`);
  const cache = cacheDir();
  const runDir = prepareRunDir(cache);
  const workspace = copyWorkspace(runDir);
  const resultsFile = path.join(runDir, 'results.json');
  const locale = 'ru';
  const env = { [RESULTS_ENV]: resultsFile, [LANGUAGE_ENV]: locale };
  const timeoutMs = o.timeoutMs ?? (Number(process.env.RRO_VSCODE_TIMEOUT_MS) || 5 * 60_000);
  const common = { workspace, extensionDir, testsEntry: suiteEntry, env, runDir, timeoutMs, log: o.log };
  let exitCode: number;
  if (host === 'electron') {
    exitCode = await runInElectron({ ...common, companions: [writeMinimalExtension(runDir)], cache, locale });
  } else {
    const tc = await ensureToolchain(cache, o.log);
    // the server scans its extensions folder at start: install the minimal extension first
    installIntoExtensionsDir(path.join(runDir, 'extensions'));
    exitCode = await runInCodeServer(tc, { ...common, locale });
  }
  const results = fs.existsSync(resultsFile)
    ? (JSON.parse(fs.readFileSync(resultsFile, 'utf8')) as SuiteResults)
    : undefined;
  return { host, exitCode, results, runDir };
}

/**
 * Keeps the newest few run folders (logs of recent failures) and drops the rest — but only
 * those untouched for an hour, so a run still going on in parallel keeps its folder.
 */
export function pruneRuns(keep = 3): void {
  const runs = path.join(cacheDir(), 'runs');
  if (!fs.existsSync(runs)) return;
  const dirs = fs.readdirSync(runs).sort();
  const hourAgo = Date.now() - 60 * 60_000;
  for (const d of dirs.slice(0, Math.max(0, dirs.length - keep))) {
    const dir = path.join(runs, d);
    const stat = fs.statSync(dir, { throwIfNoEntry: false });
    if (stat && stat.mtimeMs < hourAgo) fs.rmSync(dir, { recursive: true, force: true });
  }
}
