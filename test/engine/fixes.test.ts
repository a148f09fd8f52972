import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText, type TextEdit } from '../../server/src/engine';
import { CASES, TODAY } from './cases';

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.offset - a.offset)
    .reduce((t, e) => t.slice(0, e.offset) + e.newText + t.slice(e.offset + e.length), text);
}

test('applying a fix removes the finding it belongs to', () => {
  let fixed = 0;
  for (const c of CASES) {
    for (const finding of checkText(c.text, { today: TODAY, expectRro: true }).findings) {
      for (const fix of finding.fixes ?? []) {
        const after = checkText(applyEdits(c.text, fix.edits), { today: TODAY, expectRro: true });
        const still = after.findings.filter((f) => f.rule === finding.rule && f.pointer === finding.pointer);
        assert.deepEqual(still, [], `${c.name}: ${fix.titleKey} left ${finding.rule} at ${finding.pointer}`);
        fixed++;
      }
    }
  }
  assert.ok(fixed >= 15, `only ${fixed} fixes exercised`);
});

test('the fix for missing fields adds every one of them, in the order of the status table', () => {
  const text = JSON.stringify(
    {
      departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
      format: 'Other',
      number: '1',
      createDate: '2016-11-15',
      name: 'И',
      address: 'А',
      questions: [{ code: '0001', status: 'Transferred' }],
    },
    null,
    2,
  );
  const first = checkText(text, { today: TODAY }).findings.find((f) => f.rule === 'rro/required')!;
  const after = applyEdits(text, first.fixes![0].edits);
  const q = JSON.parse(after).questions[0];
  assert.deepEqual(Object.keys(q), ['code', 'status', 'incomingDate', 'registrationDate', 'transfer']);
  assert.deepEqual(
    checkText(after, { today: TODAY }).findings.filter((f) => f.rule === 'rro/required'),
    [],
  );
});

test('safe fixes are the ones fix-all may apply without asking', () => {
  const c = CASES.find((x) => x.name === 'status NotRecieved')!;
  const status = checkText(c.text, { today: TODAY }).findings.find((f) => f.rule === 'rro/status-value')!;
  assert.equal(status.fixes![0].safe, true);
  const typo = CASES.find((x) => x.name === 'misspelt property')!;
  const rename = checkText(typo.text, { today: TODAY }).findings.find((f) => f.rule === 'rro/unknown-property')!;
  assert.equal(rename.fixes![0].safe, false);
});
