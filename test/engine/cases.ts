// Table-driven rule cases: a realistic appeal, changed one way per case. Each case names the
// findings it expects (rule, severity, pointer, and the text its range covers); `pass` cases
// expect none of the rule's findings.
import { STATUSES } from '../../server/src/format/table';
import { FORM_CASES } from './formCases';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
export type Doc = { [k: string]: Json };

export const DEPT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
export const OTHER_DEPT = '7D3C2B1A-0000-4F6E-9A8B-123456789ABC';
export const TODAY = '2026-11-25';

const ATTACHMENT = { name: 'Ответ.pdf', content: Buffer.from('%PDF-1.4 answer').toString('base64') };

/** One question of each status, with exactly the fields it requires. */
export function question(status: string, code = '0001'): Doc {
  const q: Doc = { code, status };
  const requires = STATUSES.find((s) => s.id === status)?.requires ?? [];
  const values: Doc = {
    incomingDate: '2016-11-16',
    registrationDate: '2016-11-17',
    responseDate: '2016-11-20',
    attachment: ATTACHMENT,
    actionsTaken: true,
    transfer: { departmentId: OTHER_DEPT, transferDate: '2016-11-18', transferNumber: '12-34/567' },
  };
  for (const f of requires) q[f] = values[f];
  return q;
}

export function appeal(...questions: Doc[]): Doc {
  return {
    departmentId: DEPT,
    format: 'Electronic',
    number: 'А26-00-000000001',
    createDate: '2016-11-15',
    name: 'Иванов Иван Иванович',
    address: 'г. Калуга, ул. Циолковского, д.8',
    questions: questions.length ? questions : [question('InWork')],
  };
}

export const text = (d: Json): string => JSON.stringify(d, null, 2);

export interface Expect {
  rule: string;
  severity: 'error' | 'warning' | 'info' | 'hint';
  pointer: string;
  /** The exact text the finding's range covers (must occur once in the document, or give `nth`). */
  at: string;
  nth?: number;
}

export interface Case {
  name: string;
  text: string;
  rule: string;
  expect: Expect[];
  options?: { attachmentsRequired?: boolean; classifier?: string[] };
}

function withQ(q: Doc, ...more: Doc[]): string {
  return text(appeal(q, ...more));
}
function mutate(f: (d: Doc) => void): string {
  const d = appeal();
  f(d);
  return text(d);
}

export const CASES: Case[] = [
  // ---- text and syntax
  {
    name: 'BOM',
    rule: 'rro/bom',
    text: '\ufeff' + withQ(question('InWork')),
    expect: [{ rule: 'rro/bom', severity: 'warning', pointer: '', at: '\ufeff' }],
  },
  {
    name: 'syntax error',
    rule: 'rro/json-syntax',
    text: '{"departmentId": "' + DEPT + '", "questions": [ {"code": "0001" "status": "InWork"} ]}',
    expect: [{ rule: 'rro/json-syntax', severity: 'error', pointer: '', at: '"status"' }],
  },
  {
    name: 'comment',
    rule: 'rro/json-comment',
    text: withQ(question('InWork')).replace('{\n', '{\n  // exported by СЭД\n'),
    expect: [{ rule: 'rro/json-comment', severity: 'warning', pointer: '', at: '// exported by СЭД' }],
  },
  {
    name: 'trailing comma',
    rule: 'rro/json-trailing-comma',
    text: withQ(question('InWork')).replace('"2016-11-17"\n', '"2016-11-17",\n'),
    expect: [{ rule: 'rro/json-trailing-comma', severity: 'warning', pointer: '', at: ',', nth: -1 }],
  },
  {
    name: 'duplicate key',
    rule: 'rro/duplicate-key',
    text: withQ(question('InWork')).replace('"format": "Electronic",', '"format": "Electronic",\n  "format": "Other",'),
    expect: [{ rule: 'rro/duplicate-key', severity: 'error', pointer: '/format', at: '"format"', nth: 1 }],
  },
  {
    name: 'too deep',
    rule: 'rro/json-too-deep',
    text: '{"questions":' + '['.repeat(2000),
    expect: [{ rule: 'rro/json-too-deep', severity: 'error', pointer: '', at: '[', nth: 511 }],
  },
  // ---- root shape
  {
    name: 'missing root field',
    rule: 'rro/required',
    text: mutate((d) => delete d.createDate),
    expect: [{ rule: 'rro/required', severity: 'error', pointer: '/createDate', at: '<root>' }],
  },
  {
    name: 'null required',
    rule: 'rro/null-value',
    text: mutate((d) => (d.address = null)),
    expect: [{ rule: 'rro/null-value', severity: 'error', pointer: '/address', at: 'null' }],
  },
  {
    name: 'wrong type',
    rule: 'rro/type',
    text: mutate((d) => (d.number = 123)),
    expect: [{ rule: 'rro/type', severity: 'error', pointer: '/number', at: '123' }],
  },
  {
    name: 'GUID form',
    rule: 'rro/guid',
    text: mutate((d) => (d.departmentId = '30B1BE3B-BED1')),
    expect: [{ rule: 'rro/guid', severity: 'error', pointer: '/departmentId', at: '"30B1BE3B-BED1"' }],
  },
  {
    name: 'format enum',
    rule: 'rro/format-value',
    text: mutate((d) => (d.format = 'electronic')),
    expect: [{ rule: 'rro/format-value', severity: 'error', pointer: '/format', at: '"electronic"' }],
  },
  {
    name: 'Latin A26',
    rule: 'rro/number-latin-a',
    text: mutate((d) => (d.number = 'A26-00-000000001')),
    expect: [{ rule: 'rro/number-latin-a', severity: 'warning', pointer: '/number', at: '"A26-00-000000001"' }],
  },
  {
    name: 'empty number',
    rule: 'rro/empty-value',
    text: mutate((d) => (d.number = '')),
    expect: [{ rule: 'rro/empty-value', severity: 'error', pointer: '/number', at: '""' }],
  },
  {
    name: 'questions empty',
    rule: 'rro/questions-empty',
    text: mutate((d) => (d.questions = [])),
    expect: [{ rule: 'rro/questions-empty', severity: 'error', pointer: '/questions', at: '[]' }],
  },
  {
    name: 'unknown property',
    rule: 'rro/unknown-property',
    text: mutate((d) => (d.comment = 'x')),
    expect: [{ rule: 'rro/unknown-property', severity: 'warning', pointer: '/comment', at: '"comment"' }],
  },
  {
    name: 'misspelt property',
    rule: 'rro/unknown-property',
    text: withQ({ code: '0001', status: 'InWork', incomingDate: '2016-11-16', registationDate: '2016-11-17' }),
    expect: [
      {
        rule: 'rro/unknown-property',
        severity: 'warning',
        pointer: '/questions/0/registationDate',
        at: '"registationDate"',
      },
    ],
  },
  {
    name: 'property letter case',
    rule: 'rro/property-case',
    text: text((({ questions, ...rest }) => ({ ...rest, Questions: questions }))(appeal())),
    expect: [{ rule: 'rro/property-case', severity: 'hint', pointer: '/Questions', at: '"Questions"' }],
  },
  {
    name: 'not ours',
    rule: 'rro/not-rro-document',
    text: text({ name: 'pkg', version: '1.0.0' }),
    expect: [{ rule: 'rro/not-rro-document', severity: 'error', pointer: '', at: '{' }],
  },
  {
    name: 'array root',
    rule: 'rro/root-type',
    text: text([1, 2]),
    expect: [{ rule: 'rro/root-type', severity: 'error', pointer: '', at: '[', nth: 0 }],
  },
  // ---- questions
  {
    name: 'code form',
    rule: 'rro/code-format',
    text: withQ(question('InWork', '12')),
    expect: [{ rule: 'rro/code-format', severity: 'error', pointer: '/questions/0/code', at: '"12"' }],
  },
  {
    name: 'dotted code of three groups (a topic, not a question)',
    rule: 'rro/code-format',
    text: withQ(question('InWork', '0001.0002.0027')),
    expect: [{ rule: 'rro/code-format', severity: 'error', pointer: '/questions/0/code', at: '"0001.0002.0027"' }],
  },
  {
    name: 'excluded code',
    rule: 'rro/code-excluded',
    text: withQ(question('InWork', '0156')),
    expect: [{ rule: 'rro/code-excluded', severity: 'warning', pointer: '/questions/0/code', at: '"0156"' }],
  },
  {
    name: 'code not in classifier',
    rule: 'rro/code-unknown',
    options: { classifier: ['0001.0001.0001.0001'] },
    text: withQ(question('InWork', '9876')),
    expect: [{ rule: 'rro/code-unknown', severity: 'error', pointer: '/questions/0/code', at: '"9876"' }],
  },
  {
    name: 'duplicate code',
    rule: 'rro/code-duplicate',
    text: withQ(question('InWork', '0005'), question('NotReceived', '0005')),
    expect: [{ rule: 'rro/code-duplicate', severity: 'error', pointer: '/questions/1/code', at: '"0005"', nth: 1 }],
  },
  ...['NotRecieved', 'NotAnswered', 'Not Answered', 'inwork', 'Suported'].map((bad): Case => ({
    name: `status ${bad}`,
    rule: 'rro/status-value',
    text: withQ({ ...question('InWork'), status: bad }),
    expect: [{ rule: 'rro/status-value', severity: 'error', pointer: '/questions/0/status', at: JSON.stringify(bad) }],
  })),
  ...STATUSES.filter((s) => s.requires.some((f) => f !== 'attachment')).map((s): Case => {
    const field = s.requires.find((f) => f !== 'attachment')!;
    const q = question(s.id);
    delete q[field];
    return {
      name: `${s.id} without ${field}`,
      rule: 'rro/required',
      text: withQ(q),
      expect: [{ rule: 'rro/required', severity: 'error', pointer: `/questions/0/${field}`, at: '<question 0>' }],
    };
  }),
  {
    name: 'unused field',
    rule: 'rro/unused-field',
    text: withQ({ ...question('InWork'), responseDate: '2016-11-20' }),
    expect: [
      { rule: 'rro/unused-field', severity: 'info', pointer: '/questions/0/responseDate', at: '"responseDate"' },
    ],
  },
  // ---- dates
  {
    name: 'date form',
    rule: 'rro/date-format',
    text: mutate((d) => (d.createDate = '15.11.2016')),
    expect: [{ rule: 'rro/date-format', severity: 'error', pointer: '/createDate', at: '"15.11.2016"' }],
  },
  {
    name: 'calendar',
    rule: 'rro/date-invalid',
    text: mutate((d) => (d.createDate = '2016-02-30')),
    expect: [{ rule: 'rro/date-invalid', severity: 'error', pointer: '/createDate', at: '"2016-02-30"' }],
  },
  {
    name: 'incoming before create',
    rule: 'rro/date-order',
    text: withQ({ ...question('InWork'), incomingDate: '2016-11-14' }),
    expect: [{ rule: 'rro/date-order', severity: 'error', pointer: '/questions/0/incomingDate', at: '"2016-11-14"' }],
  },
  {
    name: 'response before registration',
    rule: 'rro/date-order',
    text: withQ({ ...question('Answered'), responseDate: '2016-11-16T00:00:00' }),
    expect: [
      { rule: 'rro/date-order', severity: 'error', pointer: '/questions/0/responseDate', at: '"2016-11-16T00:00:00"' },
    ],
  },
  {
    name: 'transfer before registration',
    rule: 'rro/date-order',
    text: withQ({
      ...question('Transferred'),
      transfer: { departmentId: OTHER_DEPT, transferDate: '2016-11-16', transferNumber: '1' },
    }),
    expect: [
      {
        rule: 'rro/date-order',
        severity: 'error',
        pointer: '/questions/0/transfer/transferDate',
        at: '"2016-11-16"',
        nth: 1,
      },
    ],
  },
  {
    name: 'future',
    rule: 'rro/date-future',
    text: mutate((d) => (d.createDate = '2027-01-01')),
    expect: [{ rule: 'rro/date-future', severity: 'warning', pointer: '/createDate', at: '"2027-01-01"' }],
  },
  // ---- attachments and transfers
  {
    name: 'attachment missing',
    rule: 'rro/attachment-missing',
    text: withQ({ ...question('Explained'), attachment: null }),
    expect: [
      { rule: 'rro/attachment-missing', severity: 'warning', pointer: '/questions/0/attachment', at: '<question 0>' },
    ],
  },
  {
    name: 'attachment required by the user',
    rule: 'rro/attachment-missing',
    options: { attachmentsRequired: true },
    text: withQ(
      (() => {
        const q = question('Supported');
        delete q.attachment;
        return q;
      })(),
    ),
    expect: [
      { rule: 'rro/attachment-missing', severity: 'error', pointer: '/questions/0/attachment', at: '<question 0>' },
    ],
  },
  {
    name: 'attachment name with path',
    rule: 'rro/attachment-name',
    text: withQ({ ...question('Answered'), attachment: { name: 'C:\\docs\\a.pdf', content: 'QUJD' } }),
    expect: [
      {
        rule: 'rro/attachment-name',
        severity: 'error',
        pointer: '/questions/0/attachment/name',
        at: '"C:\\\\docs\\\\a.pdf"',
      },
    ],
  },
  {
    name: 'attachment not Base64',
    rule: 'rro/attachment-content',
    text: withQ({ ...question('Answered'), attachment: { name: 'a.pdf', content: 'QUJ!' } }),
    expect: [
      { rule: 'rro/attachment-content', severity: 'error', pointer: '/questions/0/attachment/content', at: '"QUJ!"' },
    ],
  },
  {
    name: 'attachment empty',
    rule: 'rro/attachment-content',
    text: withQ({ ...question('Answered'), attachment: { name: 'a.pdf', content: '' } }),
    expect: [
      { rule: 'rro/attachment-content', severity: 'error', pointer: '/questions/0/attachment/content', at: '""' },
    ],
  },
  {
    name: 'attachment large',
    rule: 'rro/attachment-large',
    text: withQ({ ...question('Answered'), attachment: { name: 'a.pdf', content: 'QUJD'.repeat(4_000_000) } }),
    expect: [
      {
        rule: 'rro/attachment-large',
        severity: 'warning',
        pointer: '/questions/0/attachment/content',
        at: '<content>',
      },
    ],
  },
  {
    name: 'transfer to own department',
    rule: 'rro/transfer-same-department',
    text: withQ({
      ...question('Transferred'),
      transfer: { departmentId: DEPT.toLowerCase(), transferDate: '2016-11-18', transferNumber: '1' },
    }),
    expect: [
      {
        rule: 'rro/transfer-same-department',
        severity: 'error',
        pointer: '/questions/0/transfer/departmentId',
        at: JSON.stringify(DEPT.toLowerCase()),
      },
    ],
  },
  // ---- the no-appeals report
  {
    name: 'month out of range',
    rule: 'rro/null-report-month',
    text: text({ departmentId: DEPT, year: 2026, month: 13 }),
    expect: [{ rule: 'rro/null-report-month', severity: 'error', pointer: '/month', at: '13', nth: -1 }],
  },
  {
    name: 'month not ended',
    rule: 'rro/null-report-period',
    text: text({ departmentId: DEPT, year: 2026, month: 11 }),
    expect: [{ rule: 'rro/null-report-period', severity: 'error', pointer: '/month', at: '11', nth: -1 }],
  },
  // ---- document kind, code and date forms (formCases.ts)
  ...FORM_CASES,
];

/** Passing cases: realistic documents in which none of the listed rules may fire. */
export const PASSING: { name: string; text: string }[] = [
  ...STATUSES.map((s) => ({ name: `clean ${s.id}`, text: withQ(question(s.id)) })),
  {
    name: 'every status at once',
    text: text(appeal(...STATUSES.map((s, i) => question(s.id, String(i + 1).padStart(4, '0'))))),
  },
  {
    name: '.NET dates, nulls for unused fields, isDirect, empty email',
    text: text({
      ...appeal({
        ...question('InWork'),
        incomingDate: '2016-11-16T00:00:00',
        registrationDate: '2016-11-17T00:00:00',
        responseDate: null,
        attachment: null,
        transfer: null,
        actionsTaken: null,
      }),
      createDate: '2016-11-15T00:00:00',
      isDirect: true,
      email: '',
    }),
  },
  { name: 'no-appeals report', text: text({ departmentId: DEPT, year: 2026, month: 10 }) },
];
