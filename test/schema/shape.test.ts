// The document's shape comes from the table (`holds`, `OBJECT_FIELDS`): the editor's roles and
// fields read it, names bound in any letter case.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldNamed, objectAtPath } from '../../server/src/format/shape';
import { roleAt } from '../../server/src/lsp/locate';

test('objects at paths', () => {
  assert.equal(objectAtPath('appeal', []), 'appeal');
  assert.equal(objectAtPath('appeal', ['questions', 0]), 'question');
  assert.equal(objectAtPath('appeal', ['Questions', 3, 'TRANSFER']), 'transfer');
  assert.equal(objectAtPath('appeal', ['questions', 0, 'attachment']), 'attachment');
  assert.equal(objectAtPath('appeal', ['questions']), undefined);
  assert.equal(objectAtPath('appeal', ['questions', 0, 'code']), undefined);
  assert.equal(objectAtPath('null-report', ['month']), undefined);
  assert.equal(roleAt('appeal', ['questions', 1]), 'question');
  assert.equal(roleAt('null-report', []), 'null-report');
  assert.equal(roleAt('unknown', []), 'other');
});

test('fields by name in any letter case', () => {
  assert.equal(fieldNamed('transfer', 'TransferDate')?.name, 'transferDate');
  assert.equal(fieldNamed('question', 'nothing'), undefined);
  assert.equal(fieldNamed('other', 'code'), undefined);
});
