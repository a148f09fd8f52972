import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { EXCLUDED_CODES } from '../../server/src/format/table';
import { loadClassifier } from '../../server/src/check/classifierFile';
import { ClassifierError, parseClassifier } from '../../server/src/engine/classifier';
import { FIXTURES } from './helpers/runCli';

const SAMPLE_JSON = path.join(FIXTURES, 'classifier', 'classifier.json');
const SAMPLE_CSV = path.join(FIXTURES, 'classifier', 'classifier-1251.csv');

function classifierError(text: string | Buffer): ClassifierError {
  try {
    parseClassifier(typeof text === 'string' ? Buffer.from(text) : text);
  } catch (e) {
    if (e instanceof ClassifierError) return e;
    throw e;
  }
  assert.fail('expected a ClassifierError');
}

function shortCodes(text: string): string[] {
  return [...parseClassifier(Buffer.from(text)).byShortCode.keys()].sort();
}

test('the sample files (JSON UTF-8 and CSV Windows-1251) load to the same questions, incl. every §6 code', async () => {
  const json = await loadClassifier(SAMPLE_JSON);
  const csv = await loadClassifier(SAMPLE_CSV);
  assert.equal(json.size, 26);
  assert.deepEqual([...csv.byShortCode.entries()].sort(), [...json.byShortCode.entries()].sort());
  for (const c of EXCLUDED_CODES) assert.deepEqual(json.byShortCode.get(c.fullCode.slice(-4)), [c]);
  // Sections and topics (0001, 0001.0002, …) are not questions: their last digits are not codes.
  assert.equal(json.byShortCode.has('0027'), false);
  assert.equal(csv.byShortCode.get('1148')![0].name, 'Перебои в электроснабжении; "отключение" по графику');
});

test('JSON shapes: array, code→name object, wrappers, trees, [code, name] pairs, numbers', () => {
  assert.deepEqual(
    shortCodes('[{"code":"0001.0002.0027.0147","name":"a"},{"Code":"0001.0002.0027.0148","Name":"b"}]'),
    ['0147', '0148'],
  );
  assert.deepEqual(shortCodes('{"0001.0002.0027.0147":"a","0001.0002.0027.0148":"b"}'), ['0147', '0148']);
  assert.deepEqual(shortCodes('{"value":[{"fullCode":"0001.0002.0027.0147","title":"a"}]}'), ['0147']);
  assert.deepEqual(shortCodes('{"data":{"rows":[{"Код":"0001.0002.0027.0147","Наименование":"а"}]}}'), ['0147']);
  const tree =
    '[{"code":"0001","name":"s","children":[{"code":"0001.0002","name":"t","children":[{"code":"0001.0002.0027","name":"u","items":[{"code":"0001.0002.0027.0149","name":"q"}]}]}]}]';
  assert.deepEqual(shortCodes(tree), ['0149']);
  assert.deepEqual(shortCodes('[["0001.0002.0027.0150","a"]]'), ['0150']);
  assert.deepEqual(shortCodes('[{"code":147,"name":"short codes only"}]'), ['0147']);
  assert.deepEqual(shortCodes('{"items":[{"id":5,"code":"0001.0002.0027.0151","name":"a"}]}'), ['0151']);
});

test('CSV: comma or semicolon or tab, header or none, quoted fields with separators and line breaks', () => {
  assert.deepEqual(shortCodes('0001.0002.0027.0147,"Благодарности, пожелания"\r\n0001.0002.0027.0148,b\r\n'), [
    '0147',
    '0148',
  ]);
  assert.deepEqual(shortCodes('№;Код;Наименование\n1;0001.0002.0027.0147;"a ""b"";\nc"\n2;0001.0002.0027.0148;d'), [
    '0147',
    '0148',
  ]);
  assert.deepEqual(shortCodes('code\tname\n0001.0002.0027.0147\ta\n'), ['0147']);
  assert.deepEqual(shortCodes('1;0001.0002.0027.0152;a\n;;Раздел без кода\n'), ['0152']);
  const named = parseClassifier(Buffer.from('Наименование;Код\nq;0001.0002.0027.0153\n'));
  assert.equal(named.byShortCode.get('0153')![0].name, 'q');
});

test('two full codes with the same last four digits are both kept', () => {
  const c = parseClassifier(Buffer.from('0001.0002.0027.0147;a\n0002.0006.0064.0147;b\n'));
  assert.equal(c.size, 2);
  assert.equal(c.byShortCode.get('0147')!.length, 2);
});

test('bad input: clear errors with line and column, never a crash', () => {
  assert.deepEqual(
    [classifierError('code;name\n0001.0002.0027.0147;a\n12-34;b\n')].map((e) => [e.code, e.args]),
    [['bad-code', { line: 3, column: 1, value: '12-34' }]],
  );
  const json = classifierError('{\n  "items": [\n    {"code": "0147",, }\n  ]\n}');
  assert.equal(json.code, 'json');
  assert.equal(json.args.line, 3);
  assert.equal(classifierError('code;name\n0147;"never closed\n').code, 'csv-quote');
  assert.equal(classifierError('').code, 'empty');
  assert.equal(classifierError('[]').code, 'empty');
  assert.equal(classifierError('just;some;words\nand;more;words\n').code, 'no-columns');
  assert.equal(classifierError(Buffer.from([0xff, 0xfe, 0x00, 0xd8])).code, 'no-columns');
});

test('a missing file is a ClassifierError with the errno code', async () => {
  await assert.rejects(loadClassifier(path.join(FIXTURES, 'classifier', 'nope.csv')), (e: unknown) => {
    assert.ok(e instanceof ClassifierError);
    assert.equal(e.code, 'unreadable');
    assert.equal(e.args.reason, 'ENOENT');
    return true;
  });
});
