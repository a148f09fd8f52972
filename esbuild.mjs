// One bundling script for the three things that run: the VS Code client, the language
// server and the `rro` CLI. Each bundle is self-contained, so the .vsix ships no node_modules
// and the npm package has no runtime dependencies. scripts/binaries.mjs reuses `common`/`cliEntry`.
import * as esbuild from 'esbuild';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const common = {
  // Paths below are relative to this file's folder, whatever the current directory.
  absWorkingDir: path.dirname(fileURLToPath(import.meta.url)),
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  logLevel: 'warning',
  // jsonc-parser ships a UMD build that esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
};

export const cliEntry = {
  entryPoints: ['server/src/cli/main.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
};

const entries = [
  // what VS Code loads to activate: a hand-off of a few hundred bytes (minified, no source map to
  // read), timed by VS Code as "load code"; the activation itself is dist/clientMain.js, a tick later
  {
    entryPoints: ['client/src/entry.ts'],
    outfile: 'dist/client.js',
    external: ['vscode'],
    fixed: { minify: true, sourcemap: false },
  },
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/clientMain.js', external: ['vscode'] },
  // the language client, the rest of the UI and the heavy commands follow on demand
  { entryPoints: ['client/src/lsp.ts'], outfile: 'dist/clientLsp.js', external: ['vscode'] },
  { entryPoints: ['client/src/heavy.ts'], outfile: 'dist/clientCommands.js', external: ['vscode'] },
  { entryPoints: ['client/src/ui.ts'], outfile: 'dist/clientUi.js', external: ['vscode'] },
  { entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
  cliEntry,
];

async function build() {
  const production = process.argv.includes('--production');
  const watch = process.argv.includes('--watch');
  const mode = { sourcemap: !production, minify: production };
  const contexts = await Promise.all(
    entries.map(({ fixed, ...e }) => esbuild.context({ ...common, ...mode, ...e, ...fixed })),
  );
  if (watch) {
    await Promise.all(contexts.map((c) => c.watch()));
  } else {
    await Promise.all(contexts.map((c) => c.rebuild()));
    await Promise.all(contexts.map((c) => c.dispose()));
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await build();
