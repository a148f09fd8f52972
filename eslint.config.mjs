import tseslint from 'typescript-eslint';

// The layers of docs/architecture.md, enforced so they hold without anyone remembering them.
const restrict = (patterns) => ({ 'no-restricted-imports': ['error', { patterns }] });
const CLI = {
  group: ['**/cli/*', '**/cli/**'],
  message: 'Only the CLI imports the CLI: move shared code out of cli/.',
};
const EDITOR = {
  group: [
    'vscode',
    'vscode-languageserver',
    'vscode-languageserver/*',
    'vscode-languageclient',
    'vscode-languageclient/*',
  ],
  message: 'The engine and the format table are pure: no editor or protocol imports.',
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test/fixtures/**', '**/*.js', '**/*.mjs'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['client/src/**/*.ts'],
    rules: restrict([
      {
        regex: 'server/src/(?!core$|lsp/protocol$)',
        message: 'The client imports the core only through its face (server/src/core) and the LSP protocol module.',
      },
    ]),
  },
  {
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: restrict([CLI]),
  },
  {
    files: ['server/src/engine/**/*.ts', 'server/src/format/**/*.ts'],
    rules: restrict([
      CLI,
      EDITOR,
      {
        group: ['**/lsp/*', '**/send/*', '**/api/*', '**/archive/*', '**/emulator/*', '**/core', '**/check/*'],
        message: 'The engine depends on the format table only.',
      },
      {
        group: ['fs', 'fs/*', 'node:fs', 'node:fs/*'],
        message: 'The engine and the format table do no I/O: read files at the front doors (e.g. check/).',
      },
    ]),
  },
);
