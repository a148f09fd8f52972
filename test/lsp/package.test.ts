// `npm run package` builds the .vsix; it carries only what the extension runs with (bundles,
// manifest, nls, l10n, schemas, snippets, README, CHANGELOG, LICENSE, icon; the CLI bundle and
// the format reference docs/format.md, for machines that get only the .vsix), checked by
// Info-ZIP and by Python's zipfile, and stays under 2 MB.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { statSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { copyProject } from '../projectCopy';
import { makeTempDir } from '../tempDir';

// The package script rebuilds dist/ (minified): it runs in a copy of the project, so the
// other test files, which start dist/server.js and dist/cli.js meanwhile, never see a half-written bundle.

function projectCopy(): string {
  return copyProject(makeTempDir('rro-vsix-'));
}

const ALLOWED: readonly RegExp[] = [
  /^extension\.vsixmanifest$/,
  /^\[Content_Types\]\.xml$/,
  /^extension\/dist\/(client|clientMain|clientLsp|clientCommands|server|cli)\.js$/,
  /^extension\/docs\/format\.md$/,
  // the user README's pictures, the walkthrough and the rule pages (offline)
  /^extension\/docs\/images\/[\w.-]+\.png$/,
  /^extension\/docs\/vsix\/[\w./-]+\.md$/,
  /^extension\/package(\.nls(\.ru)?)?\.json$/,
  /^extension\/l10n\/[\w.-]+\.json$/,
  /^extension\/schemas\/[\w.-]+\.json$/,
  /^extension\/snippets\/[\w.-]+\.json$/,
  /^extension\/(readme|changelog)\.md$/,
  /^extension\/LICENSE\.txt$/,
  /^extension\/images\/icon\.png$/,
  /^extension\/dist\/clientUi\.js$/,
];

const REQUIRED = [
  'extension/dist/client.js',
  // what dist/client.js hands activation to
  'extension/dist/clientMain.js',
  'extension/dist/server.js',
  'extension/dist/cli.js',
  'extension/package.json',
  'extension/package.nls.json',
  'extension/package.nls.ru.json',
  'extension/l10n/bundle.l10n.ru.json',
  'extension/l10n/lsp.ru.json',
  'extension/snippets/rro.json',
  'extension/readme.md',
  'extension/changelog.md',
  'extension/LICENSE.txt',
  'extension/images/icon.png',
  // loaded a tick after activation: without it the status bar, the views and the encoding guard are gone
  'extension/dist/clientUi.js',
];

function run(cmd: string, args: string[], cwd: string): Promise<number | null> {
  return new Promise((resolve) => spawn(cmd, args, { cwd, stdio: 'ignore' }).on('exit', resolve));
}

describe('the .vsix', () => {
  it('is built by npm run package with only the files the extension needs', { timeout: 180_000 }, async () => {
    const project = projectCopy();
    const VSIX = path.join(project, 'rro-tools.vsix');
    assert.equal(await run('npm', ['run', 'package'], project), 0);
    assert.ok(statSync(VSIX).size < 2 * 1024 * 1024, 'under 2 MB');
    assert.equal(spawnSync('unzip', ['-tq', VSIX]).status, 0, 'unzip -t');
    const listing = spawnSync(
      'python3',
      [
        '-c',
        'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; print("\\n".join(z.namelist()))',
        VSIX,
      ],
      { encoding: 'utf8' },
    );
    assert.equal(listing.status, 0, listing.stderr);
    const names = listing.stdout.trim().split('\n');
    for (const name of names)
      assert.ok(
        ALLOWED.some((re) => re.test(name)),
        `unexpected entry ${name}`,
      );
    for (const name of REQUIRED) assert.ok(names.includes(name), `missing ${name}`);
    const unzipList = spawnSync('unzip', ['-Z1', VSIX], { encoding: 'utf8' }).stdout.trim().split('\n').sort();
    assert.deepEqual(unzipList, [...names].sort());
  });
});
