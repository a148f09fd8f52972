// `npm run package`: builds rro-tools.vsix with vsce from a staged copy of the extension.
// Why a copy: package.json's `files` is npm's whitelist for the CLI package, `.vscodeignore` is
// the .vsix's whitelist, and vsce refuses a project that has both. The staged package.json has no
// `files`, so vsce applies `.vscodeignore` alone. Extra arguments go to `vsce package`.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// Everything a `.vscodeignore` line may let in; the bundles without their source maps.
const STAGED = [
  '.vscodeignore',
  'package.nls.json',
  'package.nls.ru.json',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'l10n',
  'schemas',
  'snippets',
  'images',
  'docs',
];
const BUNDLES = [
  'client.js',
  'clientMain.js',
  'clientLsp.js',
  'clientUi.js',
  'clientCommands.js',
  'server.js',
  'cli.js',
];

const stage = mkdtempSync(path.join(tmpdir(), 'rro-vsix-stage-'));
let status = 1;
try {
  for (const entry of STAGED)
    if (existsSync(path.join(root, entry)))
      cpSync(path.join(root, entry), path.join(stage, entry), { recursive: true });
  for (const bundle of BUNDLES) {
    const from = path.join(root, 'dist', bundle);
    if (!existsSync(from)) throw new Error(`dist/${bundle} is missing: run \`node esbuild.mjs --production\` first`);
    cpSync(from, path.join(stage, 'dist', bundle));
  }
  const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  delete manifest.files;
  writeFileSync(path.join(stage, 'package.json'), JSON.stringify(manifest, null, 2) + '\n');
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const out = path.join(root, 'rro-tools.vsix');
  const run = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', out, ...process.argv.slice(2)], {
    cwd: stage,
    stdio: 'inherit',
  });
  status = run.status ?? 1;
} finally {
  rmSync(stage, { recursive: true, force: true });
}
process.exit(status);
