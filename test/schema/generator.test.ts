// The benchmarks' generated appeals (test/bench/generate.ts) are realistic *valid* payloads:
// the schema accepts them and the engine finds nothing worse than info, so the benchmarks
// compare like with like (ajv stops early on an invalid file; the engine reports more).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { checkBytes, checkText } from '../../server/src/engine';
import { appealSchema } from '../../server/src/format/schema';
import { ATTACHMENT_BYTES, bigAttachmentAppeal, generateFolder } from '../bench/generate';
import { makeTempDir } from '../tempDir';

const OPTIONS = { today: '2026-11-25', expectRro: true };

test('generated appeals pass the schema and the engine, 10% with a 40 KB attachment', () => {
  const folder = makeTempDir('rro-generated-');
  try {
    const generated = generateFolder(folder, 300, 5);
    assert.equal(generated.files, 300);
    const validate = new Ajv({ allErrors: true }).compile(appealSchema());
    let attached = 0;
    for (const name of fs.readdirSync(folder)) {
      const bytes = fs.readFileSync(path.join(folder, name));
      const value: unknown = JSON.parse(bytes.toString('utf8'));
      assert.ok(validate(value), `${name}: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
      const serious = checkBytes(bytes, OPTIONS).findings.filter(
        (f) => f.severity === 'error' || f.severity === 'warning',
      );
      assert.deepEqual(
        serious.map((f) => `${name} ${f.rule} ${f.pointer}`),
        [],
      );
      if (bytes.length > ATTACHMENT_BYTES) attached++;
    }
    assert.equal(attached, generated.withAttachment);
    assert.ok(attached >= 15 && attached <= 45, `${attached} of 300 carry an attachment`);
  } finally {
    fs.rmSync(folder, { recursive: true, force: true });
  }
});

test('the 1 MB attachment document is one clean answered appeal of about that size', () => {
  const text = bigAttachmentAppeal(1024 * 1024);
  assert.ok(Math.abs(text.length - 1024 * 1024) < 4096, String(text.length));
  const result = checkText(text, OPTIONS);
  assert.equal(result.kind, 'appeal');
  assert.deepEqual(
    result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning'),
    [],
  );
});
