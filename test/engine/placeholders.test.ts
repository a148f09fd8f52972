// Placeholders per field type live in one place (`format/placeholders.ts`): the engine's
// «add the missing fields» fix writes the same value the editor's completion offers first.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../server/src/engine';
import { placeholderValue } from '../../server/src/format/placeholders';
import { QUESTION_FIELDS } from '../../server/src/format/table';
import { appeal, question, TODAY } from './cases';

const field = (name: string) => QUESTION_FIELDS.find((f) => f.name === name)!;

test('one placeholder per type', () => {
  assert.equal(placeholderValue(field('actionsTaken'), TODAY), false);
  assert.equal(placeholderValue(field('incomingDate'), TODAY), TODAY);
  assert.equal(placeholderValue(field('status'), TODAY), field('status').values![0]);
  assert.deepEqual(placeholderValue(field('transfer'), TODAY), {});
  assert.equal(placeholderValue(field('code'), TODAY), '');
});

test('the missing-field fix writes the placeholder', () => {
  const q = question('Supported');
  delete q.actionsTaken;
  const text = JSON.stringify(appeal(q), null, 2);
  const finding = checkText(text, { today: TODAY }).findings.find(
    (f) => f.rule === 'rro/required' && f.pointer.endsWith('/actionsTaken'),
  );
  const edit = finding?.fixes?.[0].edits[0];
  assert.ok(edit, 'a fix');
  assert.match(edit.newText, /"actionsTaken": false/);
});
