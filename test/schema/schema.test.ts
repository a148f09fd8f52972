// The generated JSON Schemas: the committed files match the format table, and ajv (draft-07)
// accepts every realistic valid fixture and rejects what the format forbids.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { appealSchema, nullReportSchema, schemaFiles } from '../../server/src/format/schema';
import { STATUS_IDS, STATUSES } from '../../server/src/format/table';
import { REPO_ROOT, isNullReport, validFixtures } from './fixtures';

const ajv = new Ajv({ allErrors: true });
const validateAppeal = ajv.compile(appealSchema());
const validateNullReport = ajv.compile(nullReportSchema());

function errorsOf(validate: ValidateFunction, value: unknown): ErrorObject[] {
  return validate(value) ? [] : (validate.errors ?? []);
}

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

type Json = Record<string, unknown>;
const fixtures = validFixtures();
const byName = (name: string): Json => clone(fixtures.find((f) => f.name === name)!.value) as Json;
const question = (appeal: Json, i = 0): Json => (appeal.questions as Json[])[i];

test('committed schemas are generated from the current format table (run `npm run schemas` if stale)', () => {
  for (const file of schemaFiles()) {
    const committed = fs.readFileSync(path.join(REPO_ROOT, file.path), 'utf8');
    assert.equal(committed, file.text, `${file.path} is stale: run npm run schemas`);
  }
});

test('the schemas are draft-07 and ajv compiles the committed files in strict mode', () => {
  for (const file of schemaFiles()) {
    const schema = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file.path), 'utf8')) as Json;
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#');
    assert.equal(typeof new Ajv({ strict: true }).compile(schema), 'function');
  }
});

test('one if/then per status, requiring exactly the fields the table requires', () => {
  const items = ((appealSchema().properties as Json).questions as Json).items as Json;
  const rules = items.allOf as Json[];
  assert.equal(rules.length, STATUS_IDS.length);
  for (const status of STATUSES) {
    const rule = rules.find((r) => (((r.if as Json).properties as Json).status as Json).const === status.id);
    assert.ok(rule, status.id);
    assert.deepEqual((rule.then as Json).required ?? [], [...status.requires]);
  }
});

test('the valid fixtures cover every status and the null report', () => {
  const statuses = new Set<string>();
  for (const f of fixtures) {
    if (isNullReport(f.value)) continue;
    for (const q of (f.value as Json).questions as Json[]) statuses.add(String(q.status));
  }
  assert.deepEqual([...statuses].sort(), [...STATUS_IDS].sort());
  assert.ok(fixtures.some((f) => isNullReport(f.value)));
});

for (const f of fixtures) {
  test(`ajv accepts valid fixture ${f.name}`, () => {
    const validate = isNullReport(f.value) ? validateNullReport : validateAppeal;
    assert.deepEqual(errorsOf(validate, f.value), []);
  });
}

/** A damaged copy of a fixture and where ajv must complain about it. */
interface Rejected {
  name: string;
  damage: () => unknown;
  instancePath: string;
  keyword: string;
}

const REJECTED: Rejected[] = [
  {
    name: 'InWork without registrationDate',
    instancePath: '/questions/0',
    keyword: 'required',
    damage: () => {
      const a = byName('in-work.json');
      delete question(a).registrationDate;
      return a;
    },
  },
  {
    name: 'null on a required date',
    instancePath: '/questions/0/responseDate',
    keyword: 'not',
    damage: () => {
      const a = byName('supported.json');
      question(a).responseDate = null;
      return a;
    },
  },
  {
    name: 'Supported without actionsTaken',
    instancePath: '/questions/0',
    keyword: 'required',
    damage: () => {
      const a = byName('explained.json');
      question(a).status = 'Supported';
      return a;
    },
  },
  {
    name: 'Transferred with a transfer lacking its number',
    instancePath: '/questions/0/transfer',
    keyword: 'required',
    damage: () => {
      const a = byName('transferred.json');
      delete (question(a).transfer as Json).transferNumber;
      return a;
    },
  },
  {
    name: 'a misspelt status',
    instancePath: '/questions/0/status',
    keyword: 'enum',
    damage: () => {
      const a = byName('not-received.json');
      question(a).status = 'NotRecieved';
      return a;
    },
  },
  {
    name: 'a full dotted classifier code',
    instancePath: '/questions/0/code',
    keyword: 'pattern',
    damage: () => {
      const a = byName('in-work.json');
      question(a).code = '0001.0001.0001.0001';
      return a;
    },
  },
  {
    name: 'a GUID with a bad digit',
    instancePath: '/departmentId',
    keyword: 'pattern',
    damage: () => {
      const a = byName('in-work.json');
      a.departmentId = '30B1BE3B-BED1-49F6-AB4C-D138A81A950Z';
      return a;
    },
  },
  {
    name: 'a German-style date',
    instancePath: '/createDate',
    keyword: 'pattern',
    damage: () => {
      const a = byName('in-work.json');
      a.createDate = '15.11.2016';
      return a;
    },
  },
  {
    name: 'an attachment name with a path',
    instancePath: '/questions/0/attachment/name',
    keyword: 'not',
    damage: () => {
      const a = byName('answered.json');
      (question(a).attachment as Json).name = 'C:\\Ответы\\Ответ.txt';
      return a;
    },
  },
  {
    name: 'attachment content that is not Base64',
    instancePath: '/questions/0/attachment/content',
    keyword: 'not',
    damage: () => {
      const a = byName('answered.json');
      (question(a).attachment as Json).content = 'не base64!';
      return a;
    },
  },
  {
    name: 'an empty questions array',
    instancePath: '/questions',
    keyword: 'minItems',
    damage: () => {
      const a = byName('in-work.json');
      a.questions = [];
      return a;
    },
  },
  {
    name: 'an unknown (misspelt) property',
    instancePath: '/questions/0',
    keyword: 'additionalProperties',
    damage: () => {
      const a = byName('in-work.json');
      question(a).registationDate = '2016-11-17';
      return a;
    },
  },
  {
    name: 'isDirect as a string',
    instancePath: '/isDirect',
    keyword: 'type',
    damage: () => {
      const a = byName('in-work.json');
      a.isDirect = 'true';
      return a;
    },
  },
  {
    name: 'format outside the enum',
    instancePath: '/format',
    keyword: 'enum',
    damage: () => {
      const a = byName('in-work.json');
      a.format = 'Paper';
      return a;
    },
  },
];

for (const r of REJECTED) {
  test(`ajv rejects ${r.name} at ${r.instancePath} (${r.keyword})`, () => {
    const errors = errorsOf(validateAppeal, r.damage());
    assert.ok(
      errors.some((e) => e.instancePath === r.instancePath && e.keyword === r.keyword),
      JSON.stringify(errors.map((e) => [e.instancePath, e.keyword])),
    );
  });
}

test('the null-report schema rejects month 13 and a missing year', () => {
  const month13 = errorsOf(validateNullReport, { ...byName('null-report.json'), month: 13 });
  assert.ok(month13.some((e) => e.instancePath === '/month' && e.keyword === 'maximum'));
  const noYear = byName('null-report.json');
  delete noYear.year;
  assert.ok(errorsOf(validateNullReport, noYear).some((e) => e.instancePath === '' && e.keyword === 'required'));
});

test('ajv validates a 10 MB attachment without overflowing the regex stack', () => {
  const a = byName('answered.json');
  (question(a).attachment as Json).content = 'QUJD'.repeat(2_500_000);
  assert.deepEqual(errorsOf(validateAppeal, a), []);
});
