// The standalone binaries of `npm run binaries` (scripts/binaries.mjs): built here when absent or
// older than dist/cli.js (~35 s with the Node binaries cached; the first run also downloads them
// from the npm registry, ~70 MB). The Linux one runs `rro check` on the CLI fixtures with no Node
// on PATH; the Windows one is checked as a PE image carrying the SEA blob and the flipped fuse.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { peHeader, rcdataResource } from './helpers/peResource';
import { CLI, FIXTURES, ROOT } from './helpers/runCli';

const BIN = path.join(ROOT, 'dist', 'bin');
const LINUX = path.join(BIN, 'rro-linux-x64');
const WINDOWS = path.join(BIN, 'rro-win-x64.exe');
const LIMIT = 100 * 1000 * 1000;
const FUSE = 'NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2';
const SEA_MAGIC = 0x0143da20;
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const work = mkdtempSync(path.join(tmpdir(), 'rro-bin-'));

function stale(file: string): boolean {
  return !existsSync(file) || (existsSync(CLI) && statSync(file).mtimeMs < statSync(CLI).mtimeMs);
}

before(
  () => {
    if (!stale(LINUX) && !stale(WINDOWS)) return;
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts', 'binaries.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, `npm run binaries failed:\n${r.stdout}\n${r.stderr}`);
  },
  { timeout: 600_000 },
);
after(() => rmSync(work, { recursive: true, force: true }));

function runBinary(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    // No Node on PATH: the binary must not need one.
    const child = spawn(LINUX, args, { cwd, env: { PATH: '/nonexistent', LANG: 'C.UTF-8' } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64';

test('the Linux binary runs rro check on the CLI fixtures without Node', { skip: !onLinuxX64 }, async () => {
  assert.ok(statSync(LINUX).size < LIMIT, `${statSync(LINUX).size} bytes`);
  const v = await runBinary(['--version'], work);
  assert.equal(v.code, 0, v.stderr);
  assert.equal(v.stdout.trim(), `rro ${version}`);
  const valid = await runBinary(['check', '--today', '2026-11-25', path.join(FIXTURES, 'valid')], work);
  assert.equal(valid.code, 0, valid.stdout + valid.stderr);
  assert.equal(valid.stderr, '', 'no SEA warning');
  writeFileSync(path.join(work, 'bad.json'), '{"questions": [{"code": "12", "status": "InWork"}]}');
  const bad = await runBinary(['check', '--format', 'json', 'bad.json'], work);
  assert.equal(bad.code, 1);
  const rules = (JSON.parse(bad.stdout) as { files: { diagnostics: { rule: string }[] }[] }).files[0].diagnostics.map(
    (d) => d.rule,
  );
  assert.ok(rules.includes('rro/code-format') && rules.includes('rro/required'), rules.join(' '));
  // The whole fixtures folder: the same report, byte for byte, as the bundle run by Node.
  const args = ['check', '--format', 'json', '--today', '2026-11-25', FIXTURES];
  const fromBinary = await runBinary(args, work);
  const fromNode = spawnSync(process.execPath, [CLI, ...args], { cwd: work, encoding: 'utf8' });
  assert.equal(fromBinary.code, fromNode.status);
  assert.equal(fromBinary.stdout, fromNode.stdout);
  assert.ok((JSON.parse(fromBinary.stdout) as { files: unknown[] }).files.length > 10);
  const help = await runBinary(['check', '--help', '--lang', 'ru'], work);
  assert.equal(help.code, 0);
  assert.equal((await runBinary(['--lang', 'de', 'check', 'bad.json'], work)).code, 2);
});

test('the Windows binary is a PE32+ x64 image with the NODE_SEA_BLOB resource and the fuse set', () => {
  const image = readFileSync(WINDOWS);
  assert.ok(image.length < LIMIT, `${image.length} bytes`);
  const header = peHeader(image);
  assert.equal(header.machine, 0x8664, 'x64');
  assert.equal(header.magic, 0x20b, 'PE32+');
  const blob = rcdataResource(image, 'NODE_SEA_BLOB');
  assert.ok(blob && blob.length > 100_000, 'NODE_SEA_BLOB resource');
  assert.equal(blob.readUInt32LE(0), SEA_MAGIC, 'a SEA blob');
  assert.ok(image.includes(`${FUSE}:1`), 'the sentinel fuse is flipped');
  assert.ok(!image.includes(`${FUSE}:0`));
});
