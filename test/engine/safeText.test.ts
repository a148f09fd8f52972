import assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeControl } from '../../server/src/util/safeText';

test('escapeControl: controls, DEL, C1 and bidi overrides are escaped; Cyrillic is kept', () => {
  assert.equal(escapeControl('обращение.json'), 'обращение.json');
  assert.equal(escapeControl('a\x1b[32mOK\x1b[0m'), 'a\\x1b[32mOK\\x1b[0m');
  assert.equal(escapeControl('line\nfake accepted'), 'line\\x0afake accepted');
  assert.equal(escapeControl('\x7f\x85'), '\\x7f\\x85');
  assert.equal(escapeControl('abc\u202etxt.exe'), 'abc\\u202etxt.exe');
});
