// The engine says nothing worse than info/hint about any realistic valid payload.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBytes, checkText, type Finding } from '../../server/src/engine';
import { isNullReport, validFixtures } from './fixtures';

const OPTIONS = { today: '2026-11-25' };

function serious(findings: Finding[]): string[] {
  return findings
    .filter((f) => f.severity === 'error' || f.severity === 'warning')
    .map((f) => `${f.rule} ${f.severity} ${f.pointer}`);
}

for (const f of validFixtures()) {
  const kind = isNullReport(f.value) ? 'null-report' : 'appeal';

  test(`engine: ${f.name} is a clean ${kind}`, () => {
    const result = checkText(f.text, OPTIONS);
    assert.equal(result.kind, kind);
    assert.deepEqual(serious(result.findings), []);
  });

  test(`engine: ${f.name} read as bytes is UTF-8 and clean`, () => {
    const result = checkBytes(f.bytes, { ...OPTIONS, expectRro: true });
    assert.equal(result.encoding, 'utf-8');
    assert.equal(result.kind, kind);
    assert.deepEqual(serious(result.findings), []);
  });
}
