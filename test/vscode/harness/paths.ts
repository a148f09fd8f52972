// Where things live for the VS Code runs. The tool cache is outside the repository so a clean
// clone stays clean and repeated runs (and CI on the same machine) reuse the ~1 GB install.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root (this file compiles to out/test/vscode/harness/). */
export const repoRoot = path.resolve(__dirname, '..', '..', '..', '..');
/** The extension under test: the repository itself (package.json + dist/). */
export const extensionDir = repoRoot;
/** The mocha entry (`run()`), compiled by `tsc -b` from test/vscode/suite/index.ts. */
export const suiteEntry = path.join(repoRoot, 'out', 'test', 'vscode', 'suite', 'index.js');
/** The fixture workspace; every run works on a fresh copy, since the suite edits files. */
export const workspaceFixture = path.join(repoRoot, 'test', 'vscode', 'workspace');

function writable(dir: string): boolean {
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** `$RRO_VSCODE_CACHE`, else /var/cache/rro-tools/vscode-here when writable, else ~/.cache. */
export function cacheDir(): string {
  const given = process.env.RRO_VSCODE_CACHE;
  if (given) return path.resolve(given);
  const system = '/var/cache/rro-tools/vscode-here';
  if (writable(system)) return system;
  return path.join(os.homedir(), '.cache', 'rro-tools', 'vscode-here');
}

/** A fresh copy of the fixture workspace under `parent`. */
export function copyWorkspace(parent: string): string {
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'ws-'));
  fs.cpSync(workspaceFixture, dir, { recursive: true });
  return dir;
}
