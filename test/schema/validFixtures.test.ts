// The engine — as a library and through the real CLI — says nothing worse than info/hint about
// any realistic valid payload.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { test } from 'node:test';
import { checkBytes, checkText, type Finding } from '../../server/src/engine';
import { REPO_ROOT, VALID_DIR, isNullReport, validFixtures } from './fixtures';

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

test('the real CLI finds the valid fixtures folder clean (exit 0, no errors or warnings)', () => {
  const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
  const r = spawnSync(process.execPath, [cli, 'check', '--format', 'json', '--today', '2026-11-25', VALID_DIR], {
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const report = JSON.parse(r.stdout) as {
    files: { path: string; kind: string; diagnostics: { severity: string }[] }[];
    summary: { files: number; errors: number; warnings: number };
  };
  const fixtures = validFixtures();
  assert.deepEqual(report.summary, { files: fixtures.length, errors: 0, warnings: 0 });
  for (const file of report.files) {
    const fixture = fixtures.find((f) => file.path.endsWith(f.name));
    assert.ok(fixture, file.path);
    assert.equal(file.kind, isNullReport(fixture.value) ? 'null-report' : 'appeal', file.path);
  }
});
