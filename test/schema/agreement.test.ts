// The generated schema and the engine judge single values alike, except where a JSON Schema
// cannot follow (warnings, the exact Base64 length): those cases are listed as engine-only.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import Ajv from 'ajv';
import { checkText } from '../../server/src/engine';
import { appealSchema } from '../../server/src/format/schema';
import { validFixtures } from './fixtures';

type Json = Record<string, unknown>;
/** Where the value goes: a root field, `q.` a question field, `a.` an attachment field. */
type Case = [field: string, value: unknown, verdict: 'valid' | 'invalid' | 'engine-only'];

const CASES: Case[] = [
  ['createDate', '2016-11-01T00:00:00', 'valid'],
  ['createDate', '2016-11-01T10:30:00', 'valid'],
  ['createDate', '2016-11-01T00:00', 'valid'],
  ['createDate', '2016-11-01T00:00:00.1234567', 'valid'],
  ['createDate', '2016-11-01T00:00:00+03:00', 'engine-only'], // a zone: rro/date-zone warns
  ['createDate', '2016-11-01 00:00:00', 'invalid'],
  ['createDate', '01.11.2016', 'invalid'],
  ['createDate', '20161101', 'invalid'],
  ['departmentId', '30b1be3b-bed1-49f6-ab4c-d138a81a9505', 'valid'],
  ['departmentId', '{30B1BE3B-BED1-49F6-AB4C-D138A81A9505}', 'invalid'],
  ['departmentId', '30B1BE3BBED149F6AB4CD138A81A9505', 'invalid'],
  ['number', '', 'invalid'],
  ['email', null, 'valid'],
  ['email', '', 'valid'],
  ['isDirect', null, 'valid'],
  ['isDirect', 'true', 'invalid'],
  ['format', 'electronic', 'invalid'],
  ['q.code', '٠١٢٣', 'invalid'],
  ['q.code', '12345', 'invalid'],
  ['q.responseDate', null, 'invalid'],
  ['q.transfer', null, 'valid'],
  ['a.name', 'a/b.txt', 'invalid'],
  ['a.name', '', 'invalid'],
  ['a.content', 'QUJD\r\nQUJD', 'valid'],
  ['a.content', 'не base64', 'invalid'],
  ['a.content', '', 'invalid'],
  ['name', '', 'engine-only'],
  ['q.code', '0147', 'engine-only'],
  ['a.content', 'QUJ', 'engine-only'],
];

const validate = new Ajv({ allErrors: true }).compile(appealSchema());
const answered = validFixtures().find((f) => f.name === 'answered.json')!.value as Json;

function withValue(field: string, value: unknown): Json {
  const appeal = JSON.parse(JSON.stringify(answered)) as Json;
  const question = (appeal.questions as Json[])[0];
  if (field.startsWith('q.')) question[field.slice(2)] = value;
  else if (field.startsWith('a.')) (question.attachment as Json)[field.slice(2)] = value;
  else appeal[field] = value;
  return appeal;
}

for (const [field, value, verdict] of CASES) {
  test(`${field} = ${JSON.stringify(value)}: ${verdict}`, () => {
    const appeal = withValue(field, value);
    const schemaAccepts = validate(appeal);
    const engineFindings = checkText(JSON.stringify(appeal), { today: '2026-11-25' }).findings;
    const engineAccepts = !engineFindings.some((f) => f.severity === 'error' || f.severity === 'warning');
    assert.equal(schemaAccepts, verdict === 'valid' || verdict === 'engine-only', 'schema');
    assert.equal(engineAccepts, verdict === 'valid', `engine: ${engineFindings.map((f) => f.rule).join(', ')}`);
  });
}
