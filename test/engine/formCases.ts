// Table-driven cases for what a document is and the forms of codes and dates (issue 8 points
// 3–6, issue 15 point 1): rule id, severity, pointer and the text the range covers. Kept apart
// from cases.ts (which spreads them into CASES) and self-contained, so neither imports the other.
import type { Case } from './cases';

const DEPT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
type Obj = Record<string, unknown>;

/** A realistic appeal with one InWork question; `q` and `root` change it. */
export function formAppeal(q: Obj = {}, root: Obj = {}): Obj {
  return {
    departmentId: DEPT,
    format: 'Electronic',
    number: 'А26-05-84857211-СО1',
    createDate: '2016-11-15',
    name: 'Иванов Иван Иванович',
    address: 'г. Калуга, ул. Циолковского, д.8',
    questions: [{ code: '0001', status: 'InWork', incomingDate: '2016-11-16', registrationDate: '2016-11-17', ...q }],
    ...root,
  };
}
const pretty = (d: unknown): string => JSON.stringify(d, null, 2);

export const FORM_CASES: Case[] = [
  {
    name: 'a root array of two appeals',
    rule: 'rro/several-documents',
    text: pretty([formAppeal(), formAppeal({ code: '0002' })]),
    expect: [{ rule: 'rro/several-documents', severity: 'error', pointer: '', at: '<root>' }],
  },
  {
    name: 'JSON Lines: one appeal per line',
    rule: 'rro/several-documents',
    text: JSON.stringify(formAppeal()) + '\n' + JSON.stringify(formAppeal({ code: '0002' })) + '\n',
    expect: [{ rule: 'rro/several-documents', severity: 'error', pointer: '', at: '{', nth: 0 }],
  },
  {
    name: 'an empty file (a line break only; a 0-byte file is in the CLI tests)',
    rule: 'rro/not-json',
    text: '\n',
    expect: [{ rule: 'rro/not-json', severity: 'error', pointer: '', at: '\n' }],
  },
  {
    name: 'XML saved as .json (1C)',
    rule: 'rro/not-json',
    text: '<?xml version="1.0" encoding="UTF-8"?>\n<Обращение><Номер>12</Номер></Обращение>\n',
    expect: [{ rule: 'rro/not-json', severity: 'error', pointer: '', at: '<', nth: 0 }],
  },
  {
    name: 'a full code of four groups (.NET integration)',
    rule: 'rro/code-full',
    text: pretty(formAppeal({ code: '0005.0005.0055.1122' })),
    expect: [{ rule: 'rro/code-full', severity: 'info', pointer: '/questions/0/code', at: '"0005.0005.0055.1122"' }],
  },
  {
    name: 'a full code of five groups (with «уточнение»)',
    rule: 'rro/code-full',
    text: pretty(formAppeal({ code: '0005.0005.0055.1122.0001' })),
    expect: [
      { rule: 'rro/code-full', severity: 'info', pointer: '/questions/0/code', at: '"0005.0005.0055.1122.0001"' },
    ],
  },
  {
    name: 'an excluded code in full form matches exactly',
    rule: 'rro/code-excluded',
    text: pretty(formAppeal({ code: '0001.0002.0027.0156' })),
    expect: [
      { rule: 'rro/code-excluded', severity: 'warning', pointer: '/questions/0/code', at: '"0001.0002.0027.0156"' },
    ],
  },
  {
    name: 'a time of day (Jackson)',
    rule: 'rro/date-time',
    text: pretty(formAppeal({ incomingDate: '2016-11-16T10:30:00' })),
    expect: [
      { rule: 'rro/date-time', severity: 'info', pointer: '/questions/0/incomingDate', at: '"2016-11-16T10:30:00"' },
    ],
  },
  {
    name: 'JavaScript toISOString(): a zone',
    rule: 'rro/date-zone',
    text: pretty(formAppeal({}, { createDate: '2016-11-14T21:00:00.000Z' })),
    expect: [{ rule: 'rro/date-zone', severity: 'warning', pointer: '/createDate', at: '"2016-11-14T21:00:00.000Z"' }],
  },
  {
    name: 'an offset (+03:00)',
    rule: 'rro/date-zone',
    text: pretty(formAppeal({ registrationDate: '2016-11-17T09:00:00+03:00' })),
    expect: [
      {
        rule: 'rro/date-zone',
        severity: 'warning',
        pointer: '/questions/0/registrationDate',
        at: '"2016-11-17T09:00:00+03:00"',
      },
    ],
  },
  {
    name: 'a no-appeals report without month',
    rule: 'rro/required',
    text: pretty({ departmentId: DEPT, year: 2026 }),
    expect: [{ rule: 'rro/required', severity: 'error', pointer: '/month', at: '<root>' }],
  },
  {
    name: 'a no-appeals report without departmentId (a named file)',
    rule: 'rro/required',
    text: pretty({ year: 2026, month: 10 }),
    expect: [{ rule: 'rro/required', severity: 'error', pointer: '/departmentId', at: '<root>' }],
  },
];
