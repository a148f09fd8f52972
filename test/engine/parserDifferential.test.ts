// The engine reads JSON with a parser of its own (for speed, docs/architecture.md). This test
// keeps it honest: on generated documents its tree must equal jsonc-parser's, node for node
// (type, offset, length, value), and on damaged text it must report a syntax problem exactly
// when jsonc-parser does. Seeded: RRO_MUTATION_SEED=<seed> makes a failing run again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import { parseDocument } from '../../server/src/engine';
import type { JsonNode } from '../../server/src/engine/json';
import { Random, runSeed } from './mutation/prng';

const SEED = runSeed();
const DOCUMENTS = 3000;
const STRING_PIECES = [
  'a',
  'Ё',
  'обращение',
  ' ',
  '\\"',
  '\\\\',
  '\\/',
  '\\n',
  '\\t',
  '\\u0041',
  '\\u0416',
  '😀',
  '~',
  '/',
];
const NUMBERS = ['0', '-1', '42', '3.25', '-0.5', '1e3', '2E-2', '123456789012', '0.000001'];
const SPACES = ['', ' ', '\n', '\r\n', '\t', '  '];

function str(rnd: Random): string {
  let s = '"';
  for (let i = rnd.int(6); i > 0; i--) s += rnd.pick(STRING_PIECES);
  return s + '"';
}

function value(rnd: Random, depth: number): string {
  const ws = (): string => rnd.pick(SPACES);
  const kind = depth > 5 ? rnd.int(4) : rnd.int(6);
  switch (kind) {
    case 0:
      return str(rnd);
    case 1:
      return rnd.pick(NUMBERS);
    case 2:
      return rnd.pick(['true', 'false']);
    case 3:
      return 'null';
    case 4: {
      const items = Array.from({ length: rnd.int(5) }, () => ws() + value(rnd, depth + 1) + ws());
      return '[' + items.join(',') + ']';
    }
    default: {
      const props = Array.from(
        { length: rnd.int(5) },
        () => ws() + str(rnd) + ws() + ':' + ws() + value(rnd, depth + 1) + ws(),
      );
      return '{' + props.join(',') + '}';
    }
  }
}

interface Plain {
  type: string;
  offset: number;
  length: number;
  value?: unknown;
  children?: Plain[];
}

function plain(node: JsonNode | Node): Plain {
  const out: Plain = { type: node.type, offset: node.offset, length: node.length };
  if (node.type !== 'object' && node.type !== 'array' && node.type !== 'property') out.value = node.value;
  if (node.children) out.children = node.children.map(plain);
  return out;
}

function damage(rnd: Random, text: string): string {
  const at = rnd.int(text.length + 1);
  switch (rnd.int(3)) {
    case 0:
      return text.slice(0, at) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + rnd.pick(['{', '}', '[', ']', ',', ':', '"', 'x', '\\']) + text.slice(at);
    default:
      return text.slice(0, at);
  }
}

test(`the engine's parser builds jsonc-parser's tree on ${DOCUMENTS} generated documents (seed ${SEED})`, () => {
  const rnd = new Random(SEED);
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = rnd.pick(SPACES) + value(rnd, 0) + rnd.pick(SPACES);
    const doc = parseDocument(text);
    assert.deepEqual(doc.syntax, [], `syntax problem on valid text ${JSON.stringify(text)}`);
    assert.deepEqual(plain(doc.root!), plain(parseTree(text)!), `tree differs for ${JSON.stringify(text)}`);
  }
});

test(`on damaged text the engine finds a syntax problem exactly when jsonc-parser does (seed ${SEED})`, () => {
  const rnd = new Random(SEED ^ 0x5bd1e995);
  for (let i = 0; i < DOCUMENTS; i++) {
    const text = damage(rnd, value(rnd, 0));
    const errors: ParseError[] = [];
    parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
    const doc = parseDocument(text);
    assert.equal(doc.syntax.length > 0, errors.length > 0, `disagree on ${JSON.stringify(text)}`);
  }
});
