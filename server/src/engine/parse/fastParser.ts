// A strict single-pass JSON reader that builds the offset tree in one go. It exists for
// speed: on realistic appeals (most bytes inside Base64 strings) it runs several times faster
// than a character-by-character scanner because strings are found with indexOf and sliced.
// It gives up at the first syntax error; parseDocument then falls back to jsonc-parser, whose
// error recovery gives the editor a useful partial tree.
import type { JsonNode, Span } from '../json';

export const MAX_DEPTH = 512;

export class SyntaxFailure {
  constructor(
    readonly offset: number,
    readonly code: 'unexpected' | 'unterminated-string' | 'bad-string' | 'too-deep' | 'end-expected',
  ) {}
}

export interface FastParse {
  root: JsonNode;
  /** Key nodes that repeat an earlier key of the same object. */
  duplicateKeys: JsonNode[];
  comments: Span[];
  /** Offsets of commas that stand right before `}` or `]`. */
  trailingCommas: number[];
}

const ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};
const HEX4 = /^[0-9a-fA-F]{4}$/;

/** JSON.parse decodes escapes natively; it refuses raw control characters, which we allow. */
function decodeEscapes(text: string, begin: number, end: number, raw: string): string {
  try {
    return JSON.parse(text.slice(begin, end + 1)) as string;
  } catch {
    return unescape(raw, begin + 1);
  }
}

// Raw control characters inside strings are let through on purpose: Json.NET, which reads
// these files on the server, accepts them, and checking every character of a 10 MB Base64
// string would cost more than the whole parse.
function unescape(raw: string, at: number): string {
  let out = '';
  let from = 0;
  for (let i = raw.indexOf('\\'); i >= 0; i = raw.indexOf('\\', from)) {
    out += raw.slice(from, i);
    const e = raw[i + 1];
    if (e === 'u') {
      const hex = raw.slice(i + 2, i + 6);
      if (!HEX4.test(hex)) throw new SyntaxFailure(at + i, 'bad-string');
      out += String.fromCharCode(parseInt(hex, 16));
      from = i + 6;
    } else {
      const c = ESCAPES[e];
      if (c === undefined) throw new SyntaxFailure(at + i, 'bad-string');
      out += c;
      from = i + 2;
    }
  }
  return out + raw.slice(from);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Where the JSON number starting at `at` ends (`at` itself when there is none): the grammar
 * `-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?`, read without a regex match per number. */
function numberEnd(text: string, at: number): number {
  let i = at;
  if (text.charCodeAt(i) === 45) i++;
  const first = text.charCodeAt(i);
  if (first === 48) i++;
  else if (first > 48 && first <= 57) while (isDigit(text.charCodeAt(++i)));
  else return at;
  if (text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    i++;
    while (isDigit(text.charCodeAt(++i)));
  }
  const e = text.charCodeAt(i);
  if (e === 101 || e === 69) {
    let j = i + 1;
    const sign = text.charCodeAt(j);
    if (sign === 43 || sign === 45) j++;
    if (isDigit(text.charCodeAt(j))) {
      i = j;
      while (isDigit(text.charCodeAt(++i)));
    }
  }
  return i;
}

/** Every node gets the same fields in the same order: one hidden class, monomorphic rules. */
function node(
  type: JsonNode['type'],
  offset: number,
  length: number,
  value: unknown,
  parent: JsonNode | undefined,
  children: JsonNode[] | undefined,
): JsonNode {
  return { type, offset, length, colonOffset: undefined, value, parent, children };
}

export function fastParse(text: string, start: number): FastParse {
  const comments: Span[] = [];
  const trailingCommas: number[] = [];
  const duplicateKeys: JsonNode[] = [];
  let pos = start;
  const len = text.length;

  function fail(code: SyntaxFailure['code'], at = pos): never {
    throw new SyntaxFailure(at, code);
  }

  function skip(): void {
    while (pos < len) {
      const c = text.charCodeAt(pos);
      if (c === 32 || c === 10 || c === 13 || c === 9) {
        pos++;
      } else if (c === 47 /* / */) {
        const next = text.charCodeAt(pos + 1);
        const begin = pos;
        if (next === 47) {
          const eol = text.indexOf('\n', pos);
          pos = eol < 0 ? len : eol;
        } else if (next === 42) {
          const close = text.indexOf('*/', pos + 2);
          if (close < 0) fail('unexpected');
          pos = close + 2;
        } else {
          fail('unexpected');
        }
        comments.push({ offset: begin, length: pos - begin });
      } else {
        return;
      }
    }
  }

  // Keys and short values repeat (every question has `code`, `status`, the same dates and
  // statuses): a string equal to the one last seen in its slot is reused instead of sliced
  // again, which spares the allocation and lets later Map lookups use the string's cached hash.
  const recent: (string | undefined)[] = new Array<string | undefined>(1024);

  function readString(parent: JsonNode | undefined): JsonNode {
    const begin = pos;
    let q = text.indexOf('"', pos + 1);
    for (;;) {
      if (q < 0) fail('unterminated-string', begin);
      if (text.charCodeAt(q - 1) !== 92) break;
      let slashes = 1;
      while (text.charCodeAt(q - 1 - slashes) === 92) slashes++;
      if (slashes % 2 === 0) break;
      q = text.indexOf('"', q + 1);
    }
    const length = q - begin - 1;
    let value: string;
    if (length <= 32) {
      const slot = ((length << 5) ^ text.charCodeAt(begin + 1) ^ (text.charCodeAt(q - 1) << 2)) & 1023;
      const seen = recent[slot];
      if (seen !== undefined && seen.length === length && text.startsWith(seen, begin + 1)) value = seen;
      else {
        const raw = text.slice(begin + 1, q);
        value = raw.includes('\\') ? decodeEscapes(text, begin, q, raw) : raw;
        if (value === raw) recent[slot] = raw;
      }
    } else {
      const raw = text.slice(begin + 1, q);
      value = raw.includes('\\') ? decodeEscapes(text, begin, q, raw) : raw;
    }
    pos = q + 1;
    return node('string', begin, pos - begin, value, parent, undefined);
  }

  function readValue(parent: JsonNode | undefined, depth: number): JsonNode {
    skip();
    const c = text.charCodeAt(pos);
    if (c === 34) return readString(parent);
    if (c === 123) return readObject(parent, depth + 1);
    if (c === 91) return readArray(parent, depth + 1);
    if (text.startsWith('true', pos)) return literal(parent, 'boolean', true, 4);
    if (text.startsWith('false', pos)) return literal(parent, 'boolean', false, 5);
    if (text.startsWith('null', pos)) return literal(parent, 'null', null, 4);
    const end = numberEnd(text, pos);
    if (end > pos) return literal(parent, 'number', Number(text.slice(pos, end)), end - pos);
    return fail('unexpected');
  }

  function literal(parent: JsonNode | undefined, type: JsonNode['type'], value: unknown, length: number): JsonNode {
    const n = node(type, pos, length, value, parent, undefined);
    pos += length;
    return n;
  }

  // Objects here have a handful of keys: looking back linearly beats building a Set, until
  // an object grows large (then a Set, so a hostile file cannot make this quadratic).
  const bigKeys = new Map<JsonNode, Set<string>>();
  function seen(props: JsonNode[], object: JsonNode, key: string): boolean {
    if (props.length <= 16) {
      for (let i = 0; i < props.length; i++) if (props[i].children![0].value === key) return true;
      return false;
    }
    let keys = bigKeys.get(object);
    if (!keys) bigKeys.set(object, (keys = new Set(props.map((p) => p.children![0].value as string))));
    const had = keys.has(key);
    keys.add(key);
    return had;
  }

  function readObject(parent: JsonNode | undefined, depth: number): JsonNode {
    if (depth > MAX_DEPTH) fail('too-deep');
    const props: JsonNode[] = [];
    const obj = node('object', pos, 0, undefined, parent, props);
    pos++;
    skip();
    if (text.charCodeAt(pos) !== 125) {
      for (;;) {
        skip();
        if (text.charCodeAt(pos) !== 34) fail('unexpected');
        const prop = node('property', pos, 0, undefined, obj, undefined);
        const key = readString(prop);
        if (seen(props, obj, key.value as string)) duplicateKeys.push(key);
        skip();
        if (text.charCodeAt(pos) !== 58) fail('unexpected');
        prop.colonOffset = pos++;
        const value = readValue(prop, depth);
        // An exact two-element array: pushing into `[]` would reserve room for seventeen.
        prop.children = [key, value];
        prop.length = value.offset + value.length - prop.offset;
        props.push(prop);
        skip();
        const c = text.charCodeAt(pos);
        if (c === 125) break;
        if (c !== 44) fail('unexpected');
        const comma = pos++;
        skip();
        if (text.charCodeAt(pos) === 125) {
          trailingCommas.push(comma);
          break;
        }
      }
    }
    pos++;
    obj.length = pos - obj.offset;
    return obj;
  }

  function readArray(parent: JsonNode | undefined, depth: number): JsonNode {
    if (depth > MAX_DEPTH) fail('too-deep');
    const arr = node('array', pos, 0, undefined, parent, []);
    pos++;
    skip();
    if (text.charCodeAt(pos) !== 93) {
      for (;;) {
        arr.children!.push(readValue(arr, depth));
        skip();
        const c = text.charCodeAt(pos);
        if (c === 93) break;
        if (c !== 44) fail('unexpected');
        const comma = pos++;
        skip();
        if (text.charCodeAt(pos) === 93) {
          trailingCommas.push(comma);
          break;
        }
      }
    }
    pos++;
    arr.length = pos - arr.offset;
    return arr;
  }

  const root = readValue(undefined, 0);
  skip();
  if (pos < len) fail('end-expected');
  return { root, comments, trailingCommas, duplicateKeys };
}
