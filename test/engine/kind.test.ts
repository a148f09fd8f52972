// What counts as an РРО document (issue 15 point 1, issue 8 point 4): a corpus of ordinary
// JSON that must get nothing in the editor, and damaged appeals (.NET, 1C, JavaScript
// payloads) that must still be recognised and checked.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, detectKind, parseDocument } from '../../server/src/engine';
import { splitDocument } from '../../server/src/engine/several';
import { formAppeal } from './formCases';

const TODAY = '2026-11-25';
const DEPT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';

const ORDINARY: [string, unknown][] = [
  ['a quiz', { title: 'Quiz', questions: [{ code: 'Q1', status: 'draft' }] }],
  ['a quiz with numbers and dates', { number: 3, createDate: '2026-01-01', questions: [{ code: 'Q1', text: '?' }] }],
  ['a contact', { email: 'a@b', name: 'x', address: 'y' }],
  ['a period', { year: 2026, month: 10 }],
  ['a period with a day', { year: 2026, month: 10, day: 3 }],
  ['package.json', { name: 'pkg', version: '1.0.0', scripts: { test: 'node t' }, dependencies: {} }],
  ['tsconfig', { compilerOptions: { strict: true, target: 'es2022' } }],
  [
    'GeoJSON',
    { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'x' }, geometry: null }] },
  ],
  ['VS Code settings', { 'editor.fontSize': 14, 'files.exclude': { '**/.git': true } }],
  ['a list of people', [{ name: 'a', address: 'b' }, { name: 'c' }]],
  ['a department record', { departmentId: DEPT, name: 'Министерство' }],
  ['numbers', [1, 2, 3]],
];

describe('ordinary JSON is not ours: nothing in the editor', () => {
  for (const [name, value] of ORDINARY) {
    test(name, () => {
      for (const text of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
        const r = checkText(text, { today: TODAY });
        assert.equal(r.kind, 'unknown');
        assert.deepEqual(r.findings, []);
        // A walked folder is silent about valid ordinary JSON too.
        assert.deepEqual(checkText(text, { today: TODAY, walked: true }).findings, []);
      }
    });
  }
});

const DAMAGED: [string, unknown][] = [
  ['.NET PascalCase with Newtonsoft nulls', pascal(formAppeal({ attachment: null, responseDate: null }))],
  ['a broken GUID and no format', { ...formAppeal(), departmentId: '12345', format: undefined }],
  [
    '1C: day-first dates, a Russian format value',
    { ...formAppeal({ incomingDate: '16.11.2016' }), createDate: '15.11.2016', format: 'Электронное' },
  ],
  [
    'JavaScript: zoned dates, no number',
    { ...formAppeal(), number: undefined, createDate: '2016-11-14T21:00:00.000Z' },
  ],
  ['questions missing', { ...formAppeal(), questions: undefined }],
  ['only a question with a known status and a code', { questions: [{ code: '0147', status: 'Answered' }] }],
  [
    'a status typo, a full code, no department',
    { ...formAppeal({ status: 'NotRecieved', code: '0005.0005.0055.1122' }), departmentId: undefined },
  ],
];

describe('damaged appeals are still recognised and checked', () => {
  for (const [name, value] of DAMAGED) {
    test(name, () => {
      const r = checkText(JSON.stringify(value, null, 2), { today: TODAY });
      assert.equal(r.kind, 'appeal');
      assert.ok(r.findings.length > 0);
    });
  }
  test('a clean appeal, compact and pretty', () => {
    for (const text of [JSON.stringify(formAppeal()), JSON.stringify(formAppeal(), null, 2)])
      assert.deepEqual(checkText(text, { today: TODAY }), {
        ...checkText(text, { today: TODAY }),
        kind: 'appeal',
        findings: [],
      });
  });
});

describe('a no-appeals report lacking a field is recognised and says which', () => {
  const cases: [string, unknown, boolean, string[]][] = [
    ['without month', { departmentId: DEPT, year: 2026 }, false, ['rro/required /month']],
    ['without year', { departmentId: DEPT, month: 10 }, false, ['rro/required /year']],
    ['with a broken GUID', { departmentId: 'x', year: 2026, month: 10 }, false, ['rro/guid /departmentId']],
    [
      'a misspelt departmentId',
      { departamentId: DEPT, year: 2026, month: 10 },
      false,
      ['rro/required /departmentId', 'rro/unknown-property /departamentId'],
    ],
    [
      'without departmentId, named on the command line',
      { year: 2026, month: 10 },
      true,
      ['rro/required /departmentId'],
    ],
  ];
  for (const [name, value, expectRro, expected] of cases) {
    test(name, () => {
      const r = checkText(JSON.stringify(value, null, 2), { today: TODAY, expectRro });
      assert.equal(r.kind, 'null-report');
      assert.deepEqual(r.findings.map((f) => `${f.rule} ${f.pointer}`).sort(), expected.sort());
    });
  }
});

describe('several appeals in one file, in the editor too', () => {
  const a = formAppeal();
  const b = formAppeal({ code: '0002' }, { number: 'А26-05-84857211-СО2' });
  test('a root array of appeals', () => {
    const text = JSON.stringify([a, b], null, 2);
    const r = checkText(text, { today: TODAY });
    assert.equal(r.kind, 'several');
    assert.deepEqual(
      r.findings.map((f) => [f.rule, f.severity, f.pointer, f.offset, f.length, f.args?.count]),
      [['rro/several-documents', 'error', '', 0, text.length, 2]],
    );
    assert.equal(detectKind(parseDocument(text).root), 'several');
    assert.deepEqual(
      splitDocument(text)!.map((t) => JSON.parse(t) as unknown),
      [a, b],
    );
  });
  test('JSON Lines, RFC 7464 sequences and comma-separated objects', () => {
    for (const sep of ['\n', '\r\n', '\n\u001e', ',\n']) {
      const text = JSON.stringify(a) + sep + JSON.stringify(b) + '\n';
      const r = checkText(text, { today: TODAY });
      assert.equal(r.kind, 'several', JSON.stringify(sep));
      assert.deepEqual(
        r.findings.map((f) => f.rule),
        ['rro/several-documents'],
      );
      assert.deepEqual(
        splitDocument(text)!.map((t) => JSON.parse(t) as unknown),
        [a, b],
      );
    }
  });
  test('a named file (expected to be ours): an array of weak appeals is several too', () => {
    const text = JSON.stringify([
      { number: '1', questions: [] },
      { number: '2', questions: [] },
    ]);
    assert.equal(checkText(text, { today: TODAY }).kind, 'unknown');
    assert.equal(checkText(text, { today: TODAY, expectRro: true }).kind, 'several');
    assert.equal(splitDocument(text)!.length, 2);
  });
  test('a broken array of appeals is still several, and says what else is broken', () => {
    const text = JSON.stringify([a, b], null, 2).replace(/\]$/, '');
    const rules = checkText(text, { today: TODAY }).findings.map((f) => f.rule);
    assert.ok(rules.includes('rro/several-documents'));
    assert.ok(rules.includes('rro/json-syntax'));
  });
  test('an array of ordinary objects, or one appeal, is not several', () => {
    assert.equal(checkText(JSON.stringify([{ name: 'a' }, { name: 'b' }]), { today: TODAY }).kind, 'unknown');
    assert.equal(splitDocument(JSON.stringify(a)), undefined);
    assert.equal(splitDocument('{"a":1}\n{"b":2}\n'), undefined);
  });
});

function pascal(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(pascal);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>).map(([k, v]) => [k[0].toUpperCase() + k.slice(1), pascal(v)]),
  );
}
