// Every message of the server and the client exists in Russian and English.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { ROOT } from './client';

const read = (p: string): Record<string, string> => JSON.parse(readFileSync(path.join(ROOT, p), 'utf8'));

function sources(dir: string): string {
  return readdirSync(path.join(ROOT, dir), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(path.join(ROOT, dir, f), 'utf8'))
    .join('\n');
}

it('has the same server message keys in l10n/lsp.en.json and l10n/lsp.ru.json, all used keys present', () => {
  const en = read('l10n/lsp.en.json');
  const ru = read('l10n/lsp.ru.json');
  assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
  const used = [...sources('server/src/lsp').matchAll(/'(lsp\.[\w.]+)'/g)].map((m) => m[1]);
  assert.ok(used.length > 10);
  for (const key of used) assert.ok(key in en, `${key} is in lsp.en.json`);
});

it('translates every vscode.l10n.t string of the client in bundle.l10n.ru.json', () => {
  const bundle = read('l10n/bundle.l10n.ru.json');
  const used = [...sources('client/src').matchAll(/l10n\.t\(\s*'([^']+)'/g)].map((m) => m[1]);
  assert.ok(used.length > 0);
  for (const text of used) assert.ok(text in bundle, `«${text}» in bundle.l10n.ru.json`);
});

it('has a Russian title for every manifest string', () => {
  const en = read('package.nls.json');
  const ru = read('package.nls.ru.json');
  const manifest = readFileSync(path.join(ROOT, 'package.json'), 'utf8');
  for (const [, key] of manifest.matchAll(/"%([\w.]+)%"/g)) {
    assert.ok(key in en, `${key} in package.nls.json`);
    assert.ok(key in ru, `${key} in package.nls.ru.json`);
  }
});
