// Pointers are the document's own path (issue 8, point 1) and one property given twice in
// different letter case is bound as the server binds it, the later one (point 2). Each case is
// a payload shaped like a .NET (PascalCase, Newtonsoft nulls) or hand-written integration's,
// with the findings of the listed rules it must produce: rule, severity, pointer and the text
// the range covers (`nth` when that text occurs more than once; `<object n>` for the n-th `{`).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { checkText, parseDocument } from '../../server/src/engine';
import { nodeAtPointer } from '../../server/src/engine/pointer';
import { nodeAtPath } from '../../server/src/lsp/locate';
import { spanOfPointer } from '../../server/src/send/locate';
import { DEPT, TODAY } from './cases';

/** A question of status Answered as .NET writes it: every property, PascalCase, nulls. */
function dotNetQuestion(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Code: '0001',
    Status: 'Answered',
    IncomingDate: '2016-11-16T00:00:00',
    RegistrationDate: '2016-11-17T00:00:00',
    ResponseDate: '2016-11-20T00:00:00',
    Attachment: { Name: 'Ответ.pdf', Content: Buffer.from('%PDF-1.4').toString('base64') },
    ActionsTaken: null,
    Transfer: null,
    ...overrides,
  };
}

function dotNetAppeal(questions: unknown[], overrides: Record<string, unknown> = {}): string {
  const appeal = {
    DepartmentId: DEPT,
    Format: 'Other',
    Number: 'ОГ-2016/00017',
    CreateDate: '2016-11-15T00:00:00',
    Name: 'Иванов Иван Иванович',
    Address: 'г. Калуга, ул. Ленина, д. 1',
    IsDirect: true,
    Email: null,
    Questions: questions,
    ...overrides,
  };
  return JSON.stringify(appeal, null, 2);
}

interface Want {
  rule: string;
  severity: string;
  pointer: string;
  at: string;
  nth?: number;
}

interface PointerCase {
  name: string;
  text: string;
  rules: string[];
  want: Want[];
}

const CASES: PointerCase[] = [
  {
    name: 'a wrong date under PascalCase keys',
    text: dotNetAppeal([dotNetQuestion({ RegistrationDate: '17.11.2016' })]),
    rules: ['rro/date-format'],
    want: [
      { rule: 'rro/date-format', severity: 'error', pointer: '/Questions/0/RegistrationDate', at: '"17.11.2016"' },
    ],
  },
  {
    name: 'a missing field: the parent as written plus the format’s name',
    text: dotNetAppeal([dotNetQuestion(), dotNetQuestion({ Code: '0002', IncomingDate: undefined })]),
    rules: ['rro/required'],
    want: [{ rule: 'rro/required', severity: 'error', pointer: '/Questions/1/incomingDate', at: '<object 3>' }],
  },
  {
    name: 'a null where a value is required',
    text: dotNetAppeal([dotNetQuestion({ ResponseDate: null })]),
    rules: ['rro/null-value'],
    want: [{ rule: 'rro/null-value', severity: 'error', pointer: '/Questions/0/ResponseDate', at: 'null', nth: 1 }],
  },
  {
    name: 'attachment content and a department id spelt departmentID',
    text: dotNetAppeal([dotNetQuestion({ Attachment: { Name: 'Ответ.pdf', Content: 'не base64' } })], {
      DepartmentId: undefined,
      departmentID: '{' + DEPT + '}',
    }),
    rules: ['rro/attachment-content', 'rro/guid'],
    want: [
      {
        rule: 'rro/attachment-content',
        severity: 'error',
        pointer: '/Questions/0/Attachment/Content',
        at: '"не base64"',
      },
      { rule: 'rro/guid', severity: 'error', pointer: '/departmentID', at: `"{${DEPT}}"` },
    ],
  },
  {
    name: 'a duplicate code points at the later question as written',
    text: dotNetAppeal([dotNetQuestion(), dotNetQuestion()]),
    rules: ['rro/code-duplicate'],
    want: [{ rule: 'rro/code-duplicate', severity: 'error', pointer: '/Questions/1/Code', at: '"0001"', nth: 1 }],
  },
  {
    name: 'keys with escapes, “~” and “/”: decoded, then RFC 6901 escaped',
    text:
      '{"departmentId":"' +
      DEPT +
      '","format":"Other","number":"1","createDate":"2016-11-15","name":"И",' +
      '"address":"К","a/b~c":1,"Quest\\u0069ons":[{"code":"12","status":"InWork","incomingDate":"2016-11-16",' +
      '"registrationDate":"2016-11-17"}]}',
    rules: ['rro/unknown-property', 'rro/code-format'],
    want: [
      { rule: 'rro/unknown-property', severity: 'warning', pointer: '/a~1b~0c', at: '"a/b~c"' },
      { rule: 'rro/code-format', severity: 'error', pointer: '/Questions/0/code', at: '"12"' },
    ],
  },
  {
    name: 'questions and Questions: the later is validated, the earlier is lost',
    text: dotNetAppeal([dotNetQuestion({ Code: '12' })]).replace(
      '"Questions": [',
      '"questions": [{"code": "34", "status": "InWork"}],\n  "Questions": [',
    ),
    rules: ['rro/duplicate-key', 'rro/code-format', 'rro/required'],
    want: [
      { rule: 'rro/duplicate-key', severity: 'error', pointer: '/questions', at: '"questions"' },
      { rule: 'rro/code-format', severity: 'error', pointer: '/Questions/0/Code', at: '"12"' },
    ],
  },
  {
    name: 'code and Code in one question (a 1C export adding a field it already had)',
    text: dotNetAppeal([dotNetQuestion()]).replace('"Code": "0001"', '"code": "00O1",\n      "Code": "0001"'),
    rules: ['rro/duplicate-key', 'rro/code-format'],
    want: [{ rule: 'rro/duplicate-key', severity: 'error', pointer: '/Questions/0/code', at: '"code"' }],
  },
  {
    name: 'Code then code: the lower-case one is bound, its bad value reported',
    text: dotNetAppeal([dotNetQuestion()]).replace('"Code": "0001"', '"Code": "0001",\n      "code": "00O1"'),
    rules: ['rro/duplicate-key', 'rro/code-format'],
    want: [
      { rule: 'rro/duplicate-key', severity: 'error', pointer: '/Questions/0/Code', at: '"Code"' },
      { rule: 'rro/code-format', severity: 'error', pointer: '/Questions/0/code', at: '"00O1"' },
    ],
  },
  // passing: the same shapes without the fault raise none of the listed rules
  {
    name: 'pass: a clean .NET appeal',
    text: dotNetAppeal([dotNetQuestion(), dotNetQuestion({ Code: '0002' })]),
    rules: ['rro/duplicate-key', 'rro/required', 'rro/null-value', 'rro/date-format', 'rro/code-duplicate', 'rro/type'],
    want: [],
  },
  {
    name: 'pass: one spelling of each property, any case',
    text: dotNetAppeal([dotNetQuestion()]).replace('"Code"', '"cODE"'),
    rules: ['rro/duplicate-key', 'rro/code-format', 'rro/required'],
    want: [],
  },
];

function spanOf(text: string, w: Want): { offset: number; length: number } {
  const object = /^<object (\d+)>$/.exec(w.at);
  if (object) {
    let at = -1;
    for (let n = 0; n <= Number(object[1]); n++) at = text.indexOf('{', at + 1);
    const node = nodeAtOffset(text, at);
    return { offset: node.offset, length: node.length };
  }
  const all: number[] = [];
  for (let i = text.indexOf(w.at); i >= 0; i = text.indexOf(w.at, i + 1)) all.push(i);
  const offset = w.nth === undefined ? (assert.equal(all.length, 1, `“${w.at}” must occur once`), all[0]) : all[w.nth];
  return { offset, length: w.at.length };
}

function nodeAtOffset(text: string, offset: number) {
  const stack = [parseDocument(text).root!];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.type === 'object' && n.offset === offset) return n;
    stack.push(...(n.children ?? []));
  }
  throw new Error(`no object at ${offset}`);
}

describe('pointers as written, letter-case duplicates bound like the server', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const found = checkText(c.text, { today: TODAY, expectRro: true }).findings.filter((f) =>
        c.rules.includes(f.rule),
      );
      assert.deepEqual(
        found.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          pointer: f.pointer,
          offset: f.offset,
          length: f.length,
        })),
        c.want.map((w) => ({ rule: w.rule, severity: w.severity, pointer: w.pointer, ...spanOf(c.text, w) })),
      );
    });
  }
});

test('every finding’s pointer resolves to a node by the keys as written', () => {
  for (const c of CASES) {
    const root = parseDocument(c.text).root!;
    for (const f of checkText(c.text, { today: TODAY, expectRro: true }).findings) {
      if (f.rule === 'rro/required') continue; // points where the property should be
      assert.ok(nodeAtPointer(root, f.pointer), `${c.name}: ${f.rule} ${f.pointer}`);
    }
  }
});

test('locators take pointers as written and in the format’s spelling', () => {
  const text = dotNetAppeal([dotNetQuestion(), dotNetQuestion({ Code: '0002' })]);
  const root = parseDocument(text).root!;
  const code = text.indexOf('"0002"');
  for (const pointer of ['/Questions/1/Code', '/questions/1/code']) {
    assert.deepEqual(spanOfPointer(text, pointer), { offset: code, length: 6 }, pointer);
    assert.equal(nodeAtPointer(root, pointer)?.offset, code, pointer);
  }
  assert.equal(nodeAtPath(root, ['Questions', 1, 'Code'])?.offset, code);
  assert.equal(nodeAtPath(root, ['questions', 1, 'code'])?.offset, code);
  // Two spellings: the exact one first; the format's name finds the later (the bound) one.
  const twice = '{"questions": [1], "Questions": [2]}';
  const twiceRoot = parseDocument(twice).root!;
  assert.equal(nodeAtPointer(twiceRoot, '/questions/0')?.value, 1);
  assert.equal(nodeAtPointer(twiceRoot, '/Questions/0')?.value, 2);
  assert.equal(nodeAtPointer(twiceRoot, '/QUESTIONS/0')?.value, 2);
  assert.equal(spanOfPointer(twice, '/nothing/0').length, 0);
});

test('the real CLI reports pointers as written in JSON and SARIF output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rro-pointers-'));
  try {
    const file = join(dir, 'dotnet.json');
    writeFileSync(file, dotNetAppeal([dotNetQuestion({ RegistrationDate: '17.11.2016' })]));
    const cli = join(__dirname, '..', '..', '..', 'dist', 'cli.js');
    const run = (format: string) =>
      spawnSync(process.execPath, [cli, 'check', '--format', format, '--today', TODAY, '--lang', 'en', file], {
        encoding: 'utf8',
      });
    const json = run('json');
    assert.equal(json.status, 1, json.stderr);
    const report = JSON.parse(json.stdout) as { files: { diagnostics: { rule: string; pointer: string }[] }[] };
    const dateFinding = report.files[0].diagnostics.find((d) => d.rule === 'rro/date-format');
    assert.equal(dateFinding?.pointer, '/Questions/0/RegistrationDate');
    const sarif = run('sarif');
    assert.equal(sarif.status, 1, sarif.stderr);
    assert.match(sarif.stdout, /"pointer": ?"\/Questions\/0\/RegistrationDate"/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
