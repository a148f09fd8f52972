// Code and date forms (issue 8 points 5 and 6): what is accepted, what matches the §6 table,
// what a hierarchical classifier knows, and what a date-time's zone means for its date.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { checkText, type CheckOptions } from '../../server/src/engine';
import { parseClassifier } from '../../server/src/engine/classifier';
import { parseIsoDate } from '../../server/src/format/dates';
import { formAppeal } from './formCases';

const TODAY = '2026-11-25';
const codeText = (code: string): string => JSON.stringify(formAppeal({ code }), null, 2);
const codeFindings = (code: string, options: Partial<CheckOptions> = {}): string[] =>
  checkText(codeText(code), { today: TODAY, ...options })
    .findings.filter((f) => f.pointer === '/questions/0/code')
    .map((f) => `${f.rule} ${f.severity}`);

describe('topic codes as platforms take them', () => {
  const cases: [string, string[]][] = [
    ['0040', []],
    ['0005.0005.0055.1122', ['rro/code-full info']],
    ['0005.0005.0055.1122.0001', ['rro/code-full info']],
    ['0001.0002.0027.0156', ['rro/code-excluded warning', 'rro/code-full info']],
    ['0001.0002.0027.0156.0003', ['rro/code-excluded warning', 'rro/code-full info']],
    ['0005.0005.0055.0156', ['rro/code-full info']], // another theme's 0156: not the §6 code
    ['0156', ['rro/code-excluded warning']],
    ['12', ['rro/code-format error']],
    ['0001.0002.0027', ['rro/code-format error']],
    ['0001.0002.0027.0147.0001.0001', ['rro/code-format error']],
    ['0001-0002-0027-0147', ['rro/code-format error']],
  ];
  for (const [code, expected] of cases) test(code, () => assert.deepEqual(codeFindings(code).sort(), expected.sort()));

  test('rro/code-full is configurable (format 4.0 platforms make it an error) and its fix shortens', () => {
    assert.deepEqual(codeFindings('0005.0005.0055.1122', { severities: { 'rro/code-full': 'error' } }), [
      'rro/code-full error',
    ]);
    const f = checkText(codeText('0005.0005.0055.1122.0001'), { today: TODAY }).findings.find(
      (x) => x.rule === 'rro/code-full',
    )!;
    assert.equal(f.fixes?.[0].edits[0].newText, '"1122"');
  });
});

describe('a hierarchical classifier', () => {
  const flat = JSON.stringify([
    { code: '0005', name: 'Жилищно-коммунальная сфера', level: 1, parent_code: null },
    { code: '0005', name: 'Жилище', level: 2, parent_code: '0005' },
    { code: '0055', name: 'Коммунальное хозяйство', level: 3, parent_code: '0005.0005' },
    { code: '1122', name: 'Оплата жилищно-коммунальных услуг', level: 4, parent_code: '0005.0005.0055' },
    { code: '0001', name: 'Тарифы', level: 5, parent_code: '0005.0005.0055.1122' },
    { code: '0040', name: 'Вопрос А', level: 4, parent_code: '0005.0005.0055' },
    { code: '0002', name: 'Другая тематика', level: 2, parent_code: '0005' },
    { code: '0060', name: 'Другая тема', level: 3, parent_code: '0005.0002' },
    { code: '0040', name: 'Вопрос Б', level: 4, parent_code: '0005.0002.0060' },
  ]);
  const tree = JSON.stringify({
    items: [
      {
        code: '0005',
        name: 'Жилищно-коммунальная сфера',
        children: [
          {
            code: '0005.0005',
            name: 'Жилище',
            children: [
              {
                code: '0055',
                name: 'Коммунальное хозяйство',
                children: [
                  {
                    code: '1122',
                    name: 'Оплата жилищно-коммунальных услуг',
                    children: [{ code: '0001', name: 'Тарифы' }],
                  },
                  { code: '0005.0005.0055.0040', name: 'Вопрос А' },
                ],
              },
            ],
          },
          {
            code: '0002',
            name: 'Другая тематика',
            children: [{ code: '0060', name: 'Другая тема', children: [{ code: '0040', name: 'Вопрос Б' }] }],
          },
        ],
      },
    ],
  });
  const csv =
    'code;name;level;parent_code\n0005;Сфера;1;\n0005;Жилище;2;0005\n0055;Коммунальное;3;0005.0005\n1122;Оплата;4;0005.0005.0055\n0001;Тарифы;5;0005.0005.0055.1122\n0040;Вопрос А;4;0005.0005.0055\n0002;Другая;2;0005\n0060;Тема;3;0005.0002\n0040;Вопрос Б;4;0005.0002.0060\n';
  test('a full code keeps its groups whatever its parent reference says', () => {
    const c = parseClassifier(
      Buffer.from(JSON.stringify([{ code: '0001.0002.0027.0147', name: 'a', parent_code: '0027' }])),
    );
    assert.ok(c.byFullCode!.has('0001.0002.0027.0147'));
  });
  for (const [shape, text] of [
    ['a flat list with parent_code', flat],
    ['a nested tree of own groups', tree],
    ['CSV with a parent column', csv],
  ] as const) {
    test(shape, () => {
      const classifier = parseClassifier(Buffer.from(text));
      assert.deepEqual(
        classifier.byShortCode
          .get('0040')!
          .map((e) => e.fullCode)
          .sort(),
        ['0005.0002.0060.0040', '0005.0005.0055.0040'],
      );
      assert.ok(classifier.byFullCode!.has('0005.0005.0055.1122.0001'));
      assert.deepEqual(codeFindings('0040', { classifier }), []);
      assert.deepEqual(codeFindings('1122', { classifier }), []);
      assert.deepEqual(codeFindings('0005.0005.0055.1122', { classifier }), ['rro/code-full info']);
      assert.deepEqual(codeFindings('0005.0005.0055.1122.0001', { classifier }), ['rro/code-full info']);
      // A full code must exist exactly: the right question number under the wrong theme is unknown.
      assert.deepEqual(codeFindings('0005.0002.0060.1122', { classifier }).sort(), [
        'rro/code-full info',
        'rro/code-unknown error',
      ]);
      assert.deepEqual(codeFindings('0005.0005.0055.1122.0009', { classifier }).sort(), [
        'rro/code-full info',
        'rro/code-unknown error',
      ]);
      assert.deepEqual(codeFindings('0148', { classifier }).sort(), [
        'rro/code-excluded warning',
        'rro/code-unknown error',
      ]);
      assert.deepEqual(codeFindings('0041', { classifier }), ['rro/code-unknown error']);
    });
  }
});

describe('dates say what they mean', () => {
  const tz = process.env.TZ;
  after(() => {
    if (tz === undefined) delete process.env.TZ;
    else process.env.TZ = tz;
  });
  const dateFindings = (value: string, field = 'incomingDate') =>
    checkText(JSON.stringify(formAppeal({ [field]: value }), null, 2), { today: TODAY }).findings.filter(
      (f) => f.pointer === `/questions/0/${field}`,
    );

  test('accepted forms: a date, .NET midnight, fractions, a time, zones', () => {
    for (const v of ['2016-11-16', '2016-11-16T00:00:00', '2016-11-16T00:00', '2016-11-16T00:00:00.0000000'])
      assert.deepEqual(dateFindings(v), [], v);
    for (const v of ['2016-11-16T10:30', '2016-11-16T10:30:00', '2016-11-16T00:00:00.5'])
      assert.deepEqual(
        dateFindings(v).map((f) => `${f.rule} ${f.severity}`),
        ['rro/date-time info'],
        v,
      );
    for (const v of [
      '2016-11-16T00:00:00Z',
      '2016-11-16T10:30:00+03:00',
      '2016-11-16T10:30:00+0300',
      '2016-11-16T10:30-05',
    ])
      assert.deepEqual(
        dateFindings(v).map((f) => `${f.rule} ${f.severity}`),
        ['rro/date-zone warning'],
        v,
      );
    for (const v of ['2016-11-16 10:30', '2016-11-16T25:00:00', '20161116'])
      assert.equal(dateFindings(v)[0]?.severity, 'error', v);
  });

  test('JavaScript writes Moscow midnight as 21:00Z of the day before: the fix writes the local date', () => {
    process.env.TZ = 'Europe/Moscow';
    const [f] = dateFindings('2016-11-15T21:00:00.000Z');
    assert.equal(f.rule, 'rro/date-zone');
    assert.equal(f.args?.day, '2016-11-15');
    assert.equal(f.args?.local, '2016-11-16');
    assert.equal(f.fixes?.[0].edits[0].newText, '"2016-11-16"');
    process.env.TZ = 'UTC';
    assert.equal(dateFindings('2016-11-15T21:00:00.000Z')[0].args?.local, '2016-11-15');
  });

  test('ordering compares the calendar dates as written', () => {
    // createDate 2016-11-15; 2016-11-14T23:00:00-05:00 is 15 Nov in UTC, but written as the 14th.
    const order = checkText(JSON.stringify(formAppeal({ incomingDate: '2016-11-14T23:00:00-05:00' }), null, 2), {
      today: TODAY,
    }).findings.map((f) => f.rule);
    assert.ok(order.includes('rro/date-order'));
    assert.deepEqual(parseIsoDate('2016-11-14T23:00:00-05:00')?.day, '2016-11-14');
  });
});
