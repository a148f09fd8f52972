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

// Keys and short values repeat (every question has `code`, `status`, the same dates and
// statuses, and so does every file of a folder): a string equal to the one last seen in its
// slot is reused instead of sliced again, which spares the allocation and lets the rules' Map
// lookups use the string's cached hash. Shared by all parses: strings are immutable.
const recent: (string | undefined)[] = new Array<string | undefined>(1024).fill(undefined);

/**
 * `s[from..from+n)` as a new array. Small ones as array literals: V8 tenures a literal whose
 * arrays survive (allocation-site pretenuring), so the tree's arrays skip the young generation
 * — `slice` arrays are always copied out of it. Objects of the format have a dozen keys at most.
 */
function exactArray(s: JsonNode[], from: number, n: number): JsonNode[] {
  switch (n) {
    case 0:
      return [];
    case 1:
      return [s[from]];
    case 2:
      return [s[from], s[from + 1]];
    case 3:
      return [s[from], s[from + 1], s[from + 2]];
    case 4:
      return [s[from], s[from + 1], s[from + 2], s[from + 3]];
    case 5:
      return [s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4]];
    case 6:
      return [s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5]];
    case 7:
      return [s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6]];
    case 8:
      return [s[from], s[from + 1], s[from + 2], s[from + 3], s[from + 4], s[from + 5], s[from + 6], s[from + 7]];
    default:
      return s.slice(from, from + n);
  }
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

/** A string, number, boolean or null: no children, no colon (two fields fewer per value). */
function leaf(
  type: JsonNode['type'],
  offset: number,
  length: number,
  value: unknown,
  parent: JsonNode | undefined,
): JsonNode {
  return { type, offset, length, value, parent };
}

/**
 * A property as the fast parser makes it. Its key node and `children` array are made on first
 * use: the rules read the key's text and the value directly (`propertyKeyText`,
 * `propertyValue`), and most keys are never reported on. Without this the key node and a
 * two-element array were two thirds of a property's memory, and the tree of a document of
 * small objects twenty times the size `JSON.parse` makes.
 */
interface FastProperty extends JsonNode {
  keyText: string;
  /** The key string's length in the text, quotes and escapes included. */
  keyLength: number;
  valueNode: JsonNode | undefined;
  made: JsonNode[] | undefined;
}

/** Where the properties' `children` come from: made on first use, then kept. */
const PROPERTY_PROTO = {
  get children(): JsonNode[] {
    const self = this as unknown as FastProperty;
    return (self.made ??= [
      leaf('string', self.offset, self.keyLength, self.keyText, self),
      ...(self.valueNode ? [self.valueNode] : []),
    ]);
  },
  set children(children: JsonNode[]) {
    (this as unknown as FastProperty).made = children;
  },
};

// An object literal, not a class: V8 allocates a literal whose objects survive straight into
// the old generation (allocation-site pretenuring), which spares the scavenger copying the tree.
function property(offset: number, parent: JsonNode, keyText: string, keyLength: number): FastProperty {
  return {
    __proto__: PROPERTY_PROTO,
    type: 'property',
    offset,
    length: 0,
    colonOffset: undefined,
    parent,
    keyText,
    keyLength,
    valueNode: undefined,
    made: undefined,
  } as unknown as FastProperty;
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

  function readString(parent: JsonNode | undefined): JsonNode {
    const begin = pos;
    const value = readText();
    return leaf('string', begin, pos - begin, value, parent);
  }

  /** Where the text's next backslash is (after the last string read), or its length. */
  let nextBackslash = -1;

  /** The string at `pos` (decoded); `pos` moves past its closing quote. */
  function readText(): string {
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
    // Escapes are rare: knowing where the next backslash of the text is spares scanning each
    // string a second time (a 40 KB Base64 string in a Cyrillic, two-byte text is no memchr).
    if (nextBackslash <= begin) {
      nextBackslash = text.indexOf('\\', begin + 1);
      if (nextBackslash < 0) nextBackslash = len;
    }
    const escaped = nextBackslash < q;
    let value: string;
    if (length <= 32 && !escaped) {
      const slot = ((length << 5) ^ text.charCodeAt(begin + 1) ^ (text.charCodeAt(q - 1) << 2)) & 1023;
      const seen = recent[slot];
      if (seen !== undefined && seen.length === length && text.startsWith(seen, begin + 1)) value = seen;
      else recent[slot] = value = text.slice(begin + 1, q);
    } else {
      const raw = text.slice(begin + 1, q);
      value = escaped ? decodeEscapes(text, begin, q, raw) : raw;
    }
    pos = q + 1;
    return value;
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
    const n = leaf(type, pos, length, value, parent);
    pos += length;
    return n;
  }

  // Children are gathered on one shared stack and copied out at the container's end into an
  // array of exactly their number: arrays grown by `push` reserve room for 17 and more, and
  // the tree of a document of small objects was mostly that spare room.
  const stack: JsonNode[] = [];
  let top = 0;
  function children(mark: number): JsonNode[] {
    const out = exactArray(stack, mark, top - mark);
    top = mark;
    return out;
  }

  // Objects here have a handful of keys: looking back linearly beats building a Set, until
  // an object grows large (then a Set, so a hostile file cannot make this quadratic).
  const bigKeys = new Map<JsonNode, Set<string>>();
  function seen(mark: number, object: JsonNode, key: string): boolean {
    if (top - mark <= 16) {
      for (let i = mark; i < top; i++) if ((stack[i] as FastProperty).keyText === key) return true;
      return false;
    }
    let keys = bigKeys.get(object);
    if (!keys) {
      keys = new Set<string>();
      for (let i = mark; i < top; i++) keys.add((stack[i] as FastProperty).keyText);
      bigKeys.set(object, keys);
    }
    const had = keys.has(key);
    keys.add(key);
    return had;
  }

  function readObject(parent: JsonNode | undefined, depth: number): JsonNode {
    if (depth > MAX_DEPTH) fail('too-deep');
    const obj = node('object', pos, 0, undefined, parent, undefined);
    const mark = top;
    pos++;
    skip();
    if (text.charCodeAt(pos) !== 125) {
      for (;;) {
        skip();
        if (text.charCodeAt(pos) !== 34) fail('unexpected');
        const begin = pos;
        const key = readText();
        const prop = property(begin, obj, key, pos - begin);
        const repeated = seen(mark, obj, key);
        skip();
        if (text.charCodeAt(pos) !== 58) fail('unexpected');
        prop.colonOffset = pos++;
        const value = readValue(prop, depth);
        prop.valueNode = value;
        if (repeated) duplicateKeys.push(prop.children![0]);
        prop.length = value.offset + value.length - prop.offset;
        stack[top++] = prop;
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
    obj.children = children(mark);
    return obj;
  }

  function readArray(parent: JsonNode | undefined, depth: number): JsonNode {
    if (depth > MAX_DEPTH) fail('too-deep');
    const arr = node('array', pos, 0, undefined, parent, undefined);
    const mark = top;
    pos++;
    skip();
    if (text.charCodeAt(pos) !== 93) {
      for (;;) {
        const item = readValue(arr, depth);
        stack[top++] = item;
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
    arr.children = children(mark);
    return arr;
  }

  const root = readValue(undefined, 0);
  skip();
  if (pos < len) fail('end-expected');
  return { root, comments, trailingCommas, duplicateKeys };
}
