import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkBytes, decodeBytes } from '../../server/src/engine';
import { appeal, question, text, TODAY } from './cases';

const source = text(appeal(question('InWork')));

function encode(s: string, table: Record<string, number>): Buffer {
  return Buffer.from([...s].map((ch) => (ch.charCodeAt(0) < 128 ? ch.charCodeAt(0) : (table[ch] ?? 63))));
}
// Lower- and upper-case Russian letters in each code page, enough for the sample text.
const ALPHABET = 'абвгдежзийклмнопрстуфхцчшщъыьэюяАБВГДЕЖЗИЙКЛМНОПРСТУФХЦЧШЩЪЫЬЭЮЯ';
function table(encoding: string): Record<string, number> {
  const t: Record<string, number> = {};
  const decoder = new TextDecoder(encoding);
  for (let b = 128; b < 256; b++) t[decoder.decode(Uint8Array.of(b))] = b;
  return Object.fromEntries([...ALPHABET].map((ch) => [ch, t[ch]]));
}

for (const [encoding, name] of [
  ['windows-1251', 'WINDOWS-1251'],
  ['koi8-r', 'KOI8-R'],
  ['ibm866', 'IBM866'],
] as const) {
  test(`a ${encoding} file is named as such and still checked`, () => {
    const bytes = encode(source, table(encoding));
    assert.equal(decodeBytes(bytes).encoding, encoding);
    const r = checkBytes(bytes, { today: TODAY });
    assert.equal(r.kind, 'appeal');
    assert.deepEqual(
      r.findings.map((f) => [f.rule, f.pointer, f.args?.encoding]),
      [['rro/encoding', '', name]],
    );
    assert.equal(r.text, source);
  });
}

test('UTF-16 with a BOM is named', () => {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(source, 'utf16le')]);
  const r = checkBytes(bytes, { today: TODAY });
  assert.deepEqual(
    r.findings.map((f) => f.rule),
    ['rro/encoding'],
  );
  assert.equal(r.encoding, 'utf-16le');
});

test('UTF-8 with a BOM: the BOM rule, not the encoding rule', () => {
  const r = checkBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(source)]), { today: TODAY });
  assert.deepEqual(
    r.findings.map((f) => [f.rule, f.offset, f.length]),
    [['rro/bom', 0, 1]],
  );
});

test('binary garbage is not ours in the editor and an error when expected', () => {
  const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
  assert.deepEqual(checkBytes(bytes, { today: TODAY }).findings, []);
  const expected = checkBytes(bytes, { today: TODAY, expectRro: true });
  assert.ok(expected.findings.some((f) => f.rule === 'rro/not-json'));
});
