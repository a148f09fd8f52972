// A copy of the project to build and package in (npm pack, the .vsix), so a test never writes
// into the checkout: what a build or a package reads, with node_modules linked, not copied.
import { cpSync, existsSync, symlinkSync } from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const ENTRIES = [
  'package.json',
  'package-lock.json',
  'package.nls.json',
  'package.nls.ru.json',
  'esbuild.mjs',
  'tsconfig.json',
  'tsconfig.base.json',
  '.vscodeignore',
  'README.md',
  'CHANGELOG.md',
  'LICENSE',
  'client',
  'server',
  'l10n',
  'schemas',
  'snippets',
  'images',
  'docs',
  'scripts',
];

/** Copies the project into `dir` (which exists) and links its node_modules. */
export function copyProject(dir: string): string {
  for (const entry of ENTRIES)
    if (existsSync(path.join(ROOT, entry))) cpSync(path.join(ROOT, entry), path.join(dir, entry), { recursive: true });
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}
