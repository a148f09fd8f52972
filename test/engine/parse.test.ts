import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, isCalendarDay, localDay, parseDocument, type JsonNode } from '../../server/src/engine';

test('the fast parser keeps offsets, comments and trailing commas', () => {
  const doc = parseDocument('{"a":[1,2,],/*x*/"b":"q\\"z"}');
  assert.deepEqual(doc.syntax, []);
  assert.deepEqual(doc.comments, [{ offset: 12, length: 5 }]);
  assert.deepEqual(doc.trailingCommas, [9]);
  const b = doc.root!.children![1].children![1];
  assert.equal(b.value, 'q"z');
  assert.equal(b.offset, 21);
});

test('broken JSON falls back to a recovering parse', () => {
  const doc = parseDocument('{"a": [1, 2,');
  assert.ok(doc.syntax.length > 0);
  assert.equal(doc.root?.type, 'object');
});

test('100,000 levels of nesting give one too-deep problem, not a stack overflow', () => {
  const doc = parseDocument('['.repeat(100_000) + ']'.repeat(100_000));
  assert.equal(doc.syntax[0].code, 'too-deep');
});

test('an appeal nested too deep to read still reports in the editor', () => {
  const text = '{"questions": [' + '['.repeat(2000) + ']'.repeat(2000) + ']}';
  const r = checkText(text, { today: '2026-11-25' });
  assert.equal(r.kind, 'appeal');
  assert.deepEqual(
    r.findings.map((f) => [f.rule, f.pointer]),
    [['rro/json-too-deep', '']],
  );
});

test('calendar days: the local day of a date, and which option values are real days', () => {
  assert.equal(localDay(new Date(2026, 0, 5, 23, 59)), '2026-01-05');
  assert.deepEqual(
    ['2026-02-28', '2024-02-29', '2026-02-29', '2026-13-01', '2026-1-05', '2026-01-05T00:00:00'].map(isCalendarDay),
    [true, true, false, false, false, false],
  );
});

test('escapes are decoded wherever they fall, repeated strings stay equal, numbers keep their grammar', () => {
  const long = 'A'.repeat(5000);
  const text = `{"k": "${long}", /* a \\ in a comment */ "e": "a\\nb", "k2": "plain", "u": "\\u0041", "k3": "plain",
    "n": [-0.5e+3, 0, 12, 1E2], "q": "say \\"hi\\"", "last": "\\\\"}`;
  const doc = parseDocument(text);
  assert.deepEqual(doc.syntax, []);
  const values: Record<string, JsonNode> = Object.fromEntries(
    doc.root!.children!.map((p) => [String(p.children![0].value), p.children![1]]),
  );
  assert.equal(values.k.value, long);
  assert.equal(values.e.value, 'a\nb');
  assert.equal(values.u.value, 'A');
  assert.equal(values.k2.value, 'plain');
  assert.equal(values.k3.value, 'plain');
  assert.deepEqual(
    values.n.children!.map((c) => c.value),
    [-500, 0, 12, 100],
  );
  assert.equal(values.q.value, 'say "hi"');
  assert.equal(values.last.value, '\\');
  for (const bad of ['{"a": 01}', '{"a": -}', '{"a": 1.}', '{"a": "\\x"}']) {
    assert.ok(parseDocument(bad).syntax.length > 0, bad);
  }
});
