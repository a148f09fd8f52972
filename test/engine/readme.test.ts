import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../server/src/engine';
import { bundleFor } from '../../server/src/l10n/messages';

const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');

test('the README documents every rule with its anchor and default severity', () => {
  for (const r of RULES) {
    const row = readme.split('\n').find((l) => l.includes(`<a id="${r.id.replace('/', '-')}"></a>`));
    assert.ok(row, `${r.id} has no README row`);
    assert.match(row, new RegExp(`\\| ${r.severity} \\|`), `${r.id}: README severity differs from ${r.severity}`);
  }
});

test('every rule has a message in Russian and in English', () => {
  for (const lang of ['ru', 'en'] as const) {
    const bundle = bundleFor(lang);
    for (const r of RULES) assert.ok(bundle[r.id], `${r.id} has no ${lang} message`);
  }
  assert.deepEqual(Object.keys(bundleFor('ru')).sort(), Object.keys(bundleFor('en')).sort());
});
