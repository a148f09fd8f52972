// The CLI as an npm package: `npm pack` makes a small package of the bundle and its data (no
// sources, tests or maps), `npm install -g` of it works offline (no runtime dependencies), and
// the installed `rro` runs from any folder. Packed in a copy of the project: prepack rebuilds dist/.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { copyProject } from '../projectCopy';
import { FIXTURES, ROOT } from './helpers/runCli';

const ALLOWED = [
  /^package\/package\.json$/,
  /^package\/dist\/cli\.js$/,
  /^package\/l10n\/[\w.-]+\.json$/,
  /^package\/schemas\/[\w.-]+\.json$/,
  /^package\/docs\/format\.md$/,
  /^package\/(README|CHANGELOG)\.md$/,
  /^package\/LICENSE$/,
];
const REQUIRED = ['package/dist/cli.js', 'package/README.md', 'package/LICENSE', 'package/CHANGELOG.md'];

const work = mkdtempSync(path.join(tmpdir(), 'rro-npm-'));
after(() => rmSync(work, { recursive: true, force: true }));

function run(
  cmd: string,
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    child.stderr.on('data', (b: Buffer) => (out += b.toString()));
    child.on('close', (code) => resolve({ code, out }));
  });
}

test(
  'npm pack → npm install -g --offline → rro --version and rro check from another folder',
  { timeout: 180_000 },
  async () => {
    const project = path.join(work, 'project');
    mkdirSync(project);
    copyProject(project);
    // A private npm cache: the test never reads or writes the user's.
    const npmEnv = { npm_config_cache: path.join(work, 'cache'), npm_config_update_notifier: 'false' };

    const packed = await run('npm', ['pack', '--pack-destination', work], project, npmEnv);
    assert.equal(packed.code, 0, packed.out);
    const tgz = readdirSync(work).find((f) => f.endsWith('.tgz'));
    assert.ok(tgz, 'no .tgz');
    const tarball = path.join(work, tgz);
    assert.ok(statSync(tarball).size < 1.5 * 1024 * 1024, `${statSync(tarball).size} bytes`);

    const listing = spawnSync('tar', ['-tzf', tarball], { encoding: 'utf8' });
    assert.equal(listing.status, 0, listing.stderr);
    const names = listing.stdout.trim().split('\n');
    for (const name of names)
      assert.ok(
        ALLOWED.some((re) => re.test(name)),
        `unexpected ${name}`,
      );
    for (const name of REQUIRED) assert.ok(names.includes(name), `missing ${name}`);

    const prefix = path.join(work, 'prefix');
    const installed = await run(
      'npm',
      ['install', '-g', '--prefix', prefix, tarball, '--offline', '--no-audit', '--no-fund'],
      work,
      npmEnv,
    );
    assert.equal(installed.code, 0, installed.out);
    const rro = path.join(prefix, 'bin', 'rro');

    // From a folder that has nothing of the project: the fixtures by a relative path.
    const elsewhere = path.join(work, 'elsewhere');
    mkdirSync(elsewhere);
    cpSync(path.join(FIXTURES, 'valid'), path.join(elsewhere, 'exports'), { recursive: true });
    const version = await run(rro, ['--version'], elsewhere);
    assert.equal(version.code, 0, version.out);
    assert.match(version.out, /^rro \d+\.\d+\.\d+/);
    const ok = await run(rro, ['check', 'exports/', '--today', '2026-11-25'], elsewhere);
    assert.equal(ok.code, 0, ok.out);
    cpSync(path.join(ROOT, 'package.json'), path.join(elsewhere, 'exports', 'package.json'));
    const bad = await run(rro, ['check', '--format', 'json', 'exports/package.json'], elsewhere);
    assert.equal(bad.code, 1, bad.out);
    assert.match(bad.out, /rro\/not-rro-document/);
  },
);
