// Ways to damage a document: at the text level (cuts, inserted and deleted JSON punctuation,
// odd characters), at the byte level (bit flips that break UTF-8) and at the value level
// (valid JSON with the wrong types, names and values, which drives the rules deeper).
import type { Random } from './prng';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '"',
  ',',
  ':',
  '\\',
  '/',
  '/*',
  '//',
  '*/',
  '\n',
  '0',
  '-',
  '.',
  'e',
  'null',
  'true',
  ' ',
];
const ODD_CHARS = ['\uFEFF', '\u0000', '\uD800', '\uDC00', '\u2028', 'А', 'ё', '\t', '\r', '\u00A0', '~', '€'];
const STRUCTURAL = new Set(['{', '}', '[', ']', '"', ',', ':']);

const ODD_VALUES: readonly Json[] = [
  null,
  true,
  false,
  0,
  -1,
  13,
  1e308,
  0.5,
  '',
  ' ',
  'A26-00-000000000',
  'NotRecieved',
  'Not Answered',
  'inwork',
  '0001.0002.0027.0147',
  '0147',
  '12345',
  '2016-02-30',
  '2016-11-16T00:00:00',
  '16.11.2016',
  '9999-12-31',
  '30b1be3b-bed1-49f6-ab4c-d138a81a9505',
  '{30B1BE3B-BED1-49F6-AB4C-D138A81A9505}',
  '../../etc/passwd',
  'C:\\ответ.pdf',
  'не base64!',
  '====',
  '\uD800',
  '~1/~0',
  [],
  [null],
  {},
  { name: 'a/b.txt', content: '' },
  { departmentId: null, transferDate: 1, transferNumber: [] },
];

const ODD_KEYS = [
  'Questions',
  'QUESTIONS',
  'registationDate',
  'status ',
  '',
  '~',
  '/',
  'a/b~c',
  '$schema',
  'code',
  'status',
];

export function mutateText(text: string, rnd: Random): string {
  const at = rnd.int(text.length + 1);
  switch (rnd.int(7)) {
    case 0:
      return text.slice(0, at);
    case 1:
      return text.slice(0, at) + rnd.pick(TOKENS) + text.slice(at);
    case 2:
      return text.slice(0, at) + rnd.pick(ODD_CHARS) + text.slice(at);
    case 3:
      return deleteStructural(text, rnd);
    case 4: {
      const end = Math.min(text.length, at + rnd.int(40));
      return text.slice(0, at) + text.slice(end);
    }
    case 5: {
      const from = rnd.int(text.length + 1);
      const piece = text.slice(from, from + rnd.int(80));
      return text.slice(0, at) + piece + text.slice(at);
    }
    default:
      return text.slice(at) + text.slice(0, at);
  }
}

function deleteStructural(text: string, rnd: Random): string {
  for (let tries = 0; tries < 20; tries++) {
    const at = rnd.int(text.length);
    if (STRUCTURAL.has(text[at])) return text.slice(0, at) + text.slice(at + 1);
  }
  return text;
}

/** Flip a few bits: most flips in Cyrillic text leave bytes that are not UTF-8 any more. */
export function flipBytes(bytes: Uint8Array, rnd: Random): Uint8Array {
  const out = Uint8Array.from(bytes);
  const flips = 1 + rnd.int(4);
  for (let i = 0; i < flips && out.length > 0; i++) out[rnd.int(out.length)] ^= 1 << rnd.int(8);
  return out;
}

/** Valid JSON, wrong content: replace, delete or rename one property or item somewhere. */
export function mutateValue(value: unknown, rnd: Random): string {
  const root = JSON.parse(JSON.stringify(value)) as Json;
  const containers = collect(root);
  const target = rnd.pick(containers);
  if (Array.isArray(target)) {
    if (target.length && rnd.chance(0.3)) target.splice(rnd.int(target.length), 1);
    else if (target.length && rnd.chance(0.5)) target.push(JSON.parse(JSON.stringify(rnd.pick(target))) as Json);
    else target[rnd.int(target.length + 1)] = rnd.pick(ODD_VALUES);
  } else if (target && typeof target === 'object') {
    const keys = Object.keys(target);
    const key = keys.length ? rnd.pick(keys) : rnd.pick(ODD_KEYS);
    const op = rnd.int(3);
    if (op === 0) delete target[key];
    else if (op === 1) {
      const moved = target[key];
      delete target[key];
      target[rnd.pick(ODD_KEYS)] = moved ?? null;
    } else target[key] = rnd.pick(ODD_VALUES);
  }
  return rnd.chance(0.5) ? JSON.stringify(root) : JSON.stringify(root, null, rnd.pick([1, 2, '\t']));
}

function collect(node: Json, out: Json[] = []): Json[] {
  if (node && typeof node === 'object') {
    out.push(node);
    for (const child of Object.values(node)) collect(child, out);
  }
  return out;
}

/** Windows-1251 for the characters our documents use: ASCII, А–я, Ё and ё; others become `?`. */
function windows1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (c === 0x401) out[i] = 0xa8;
    else if (c === 0x451) out[i] = 0xb8;
    else out[i] = 0x3f;
  }
  return out;
}

function utf16(text: string, bigEndian: boolean): Uint8Array {
  const le = Buffer.from('\uFEFF' + text, 'utf16le');
  if (bigEndian) le.swap16();
  return le;
}

/** The same text saved as Windows saves it: Windows-1251, UTF-16 with a BOM, or UTF-8 with a BOM. */
export function reencode(text: string, rnd: Random): { bytes: Uint8Array; encoding: string } {
  switch (rnd.int(4)) {
    case 0:
      return { bytes: windows1251(text), encoding: 'windows-1251' };
    case 1:
      return { bytes: utf16(text, false), encoding: 'utf-16le' };
    case 2:
      return { bytes: utf16(text, true), encoding: 'utf-16be' };
    default:
      return { bytes: Buffer.from('\uFEFF' + text, 'utf8'), encoding: 'utf-8 with BOM' };
  }
}
