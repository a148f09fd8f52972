// package.json is both npm's manifest (the CLI package) and the extension's (the .vsix): one
// version, a CHANGELOG section for it, the Marketplace / Open VSX metadata, npm's whitelist.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';

const ROOT = path.resolve(__dirname, '..', '..', '..');

interface Manifest {
  name: string;
  version: string;
  private?: boolean;
  homepage?: string;
  bugs?: { url?: string };
  qna?: boolean | string;
  galleryBanner?: { color?: string; theme?: string };
  license?: string;
  repository?: { url?: string };
  bin?: Record<string, string>;
  files?: string[];
  scripts: Record<string, string>;
}

const manifest = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Manifest;

test('installable: not private, a bin, a files whitelist of built things only', () => {
  assert.notEqual(manifest.private, true);
  assert.equal(manifest.bin?.rro, 'dist/cli.js');
  const files = manifest.files ?? [];
  assert.ok(files.includes('dist/cli.js') && files.includes('LICENSE') && files.includes('CHANGELOG.md'));
  for (const f of files) assert.doesNotMatch(f, /^(server|client|test|src)\b|\.ts$|\.map$/, f);
  assert.ok(manifest.scripts.prepack && manifest.scripts.binaries && manifest.scripts.package);
});

test('Marketplace / Open VSX metadata: homepage, bugs, gallery banner, qna off, licence, repository', () => {
  assert.match(manifest.homepage ?? '', /^https:\/\//);
  assert.match(manifest.bugs?.url ?? '', /^https:\/\/.+\/issues$/);
  assert.equal(manifest.qna, false);
  assert.match(manifest.galleryBanner?.color ?? '', /^#[0-9a-f]{6}$/i);
  assert.ok(['dark', 'light'].includes(manifest.galleryBanner?.theme ?? ''));
  assert.ok(manifest.license && existsSync(path.join(ROOT, 'LICENSE')));
  assert.match(manifest.repository?.url ?? '', /^https:\/\//);
});

test('one version: semver, with its own section in CHANGELOG.md', () => {
  assert.match(manifest.version, /^\d+\.\d+\.\d+(-[\w.]+)?$/);
  const changelog = readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, new RegExp(`^## ${manifest.version.replace(/\./g, '\\.')}\\b`, 'm'));
});
