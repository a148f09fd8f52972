// Every diagnostic's codeDescription link lands on an anchor that exists in the README.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { RULES } from '../../server/src/engine';
import { RULE_DOCS_BASE, ruleAnchor } from '../../server/src/lsp/diagnostics';
import { ROOT } from './client';

it('links every rule to its README anchor', () => {
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(RULE_DOCS_BASE.endsWith('README.md#'));
  for (const rule of RULES) assert.ok(readme.includes(`id="${ruleAnchor(rule.id)}"`), `README anchor for ${rule.id}`);
});
