// The one case-free lookup (`format/binding.ts`): the later property equal in any letter case is
// the one the server binds, for parsed nodes (locators, sender, attachment edit) and plain objects
// (emulator) alike — the same property the engine's model binds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from '../../server/src/engine';
import { boundProperty } from '../../server/src/engine/pointer';
import { boundIndex, boundValue } from '../../server/src/format/binding';
import { nodeAtPath } from '../../server/src/lsp/locate';

test('the later of the spellings is bound, exact or not', () => {
  assert.equal(
    boundIndex(['code', 'Code', 'other'], (k) => k, 'code'),
    1,
  );
  assert.equal(
    boundIndex(['Code', 'code'], (k) => k, 'code'),
    1,
  );
  assert.equal(
    boundIndex(['Code'], (k) => k, 'CODE'),
    0,
  );
  assert.equal(
    boundIndex(['codes', 1, null], (k) => k, 'code'),
    -1,
  );
  assert.equal(boundValue(JSON.parse('{"status": "A", "Status": "B"}') as Record<string, unknown>, 'status'), 'B');
  assert.equal(boundValue({ Status: 'B' }, 'missing'), undefined);
});

test('locators bind the format’s names as the server does', () => {
  const root = parseDocument('{"attachment": 1, "Attachment": 2, "code": "0001"}').root!;
  assert.equal(boundProperty(root, 'attachment')?.children?.[1].value, 2);
  assert.equal(nodeAtPath(root, ['attachment'])?.value, 2);
  assert.equal(nodeAtPath(root, ['CODE'])?.value, '0001');
});
