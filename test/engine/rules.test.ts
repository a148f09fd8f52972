import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { checkText, parseDocument, RULES, type Classifier, type JsonNode } from '../../server/src/engine';
import { parsePointer } from '../../server/src/engine/pointer';
import { CASES, PASSING, TODAY, type Case, type Expect } from './cases';

function classifierOf(codes: string[]): Classifier {
  const byShortCode = new Map(codes.map((c) => [c.slice(-4), [{ fullCode: c, name: c }]]));
  return { byShortCode, size: codes.length };
}

function run(c: Pick<Case, 'text' | 'options'>) {
  return checkText(c.text, {
    today: TODAY,
    expectRro: true,
    attachmentsRequired: c.options?.attachmentsRequired,
    classifier: c.options?.classifier ? classifierOf(c.options.classifier) : undefined,
  });
}

/** The node a pointer names, following the document's own property spelling. */
function nodeAt(root: JsonNode, pointer: string): JsonNode {
  let node = root;
  for (const seg of parsePointer(pointer)) {
    const next =
      node.type === 'array'
        ? node.children![Number(seg)]
        : node.children!.find((p) => p.children![0].value === seg)?.children![1];
    assert.ok(next, `no node at ${pointer}`);
    node = next;
  }
  return node;
}

/** Offset and length the expectation names: a unique piece of text, or `<…>` for a node. */
function expectedSpan(text: string, e: Expect): { offset: number; length: number } {
  const root = parseDocument(text).root!;
  const span = (n: JsonNode) => ({ offset: n.offset, length: n.length });
  if (e.at === '<root>') return span(root);
  const q = /^<question (\d+)>$/.exec(e.at);
  if (q) return span(nodeAt(root, `/questions/${q[1]}`));
  if (e.at === '<content>') return span(nodeAt(root, e.pointer));
  const all: number[] = [];
  for (let i = text.indexOf(e.at); i >= 0; i = text.indexOf(e.at, i + 1)) all.push(i);
  const offset =
    e.nth === undefined ? (assert.equal(all.length, 1, `“${e.at}” must occur once`), all[0]) : all.at(e.nth)!;
  return { offset, length: e.at.length };
}

describe('every rule fires where it should', () => {
  for (const c of CASES) {
    test(`${c.rule}: ${c.name}`, () => {
      const found = run(c).findings.filter((f) => f.rule === c.rule);
      const got = found.map((f) => ({
        rule: f.rule,
        severity: f.severity,
        pointer: f.pointer,
        offset: f.offset,
        length: f.length,
      }));
      const want = c.expect.map((e) => ({
        rule: e.rule,
        severity: e.severity,
        pointer: e.pointer,
        ...expectedSpan(c.text, e),
      }));
      assert.deepEqual(got, want);
    });
  }
});

describe('clean realistic documents raise nothing', () => {
  for (const p of PASSING) {
    test(p.name, () => {
      const { kind, findings } = run(p);
      assert.notEqual(kind, 'unknown');
      assert.deepEqual(
        findings.map((f) => `${f.rule} ${f.pointer}`),
        [],
      );
    });
  }
});

test('every registered rule has a failing case', () => {
  const covered = new Set(CASES.map((c) => c.rule));
  const untested = RULES.map((r) => r.id).filter((id) => !covered.has(id) && id !== 'rro/encoding');
  assert.deepEqual(untested, []);
});

test('a rule can be silenced or re-graded by configuration', () => {
  const c = CASES.find((x) => x.rule === 'rro/number-latin-a')!;
  const off = checkText(c.text, { today: TODAY, severities: { 'rro/number-latin-a': 'off' } });
  assert.equal(off.findings.filter((f) => f.rule === c.rule).length, 0);
  const err = checkText(c.text, { today: TODAY, severities: { 'rro/number-latin-a': 'error' } });
  assert.equal(err.findings.find((f) => f.rule === c.rule)?.severity, 'error');
});

test('a document that is not ours gets nothing in the editor', () => {
  for (const text of [
    '{"name":"pkg","version":"1.0.0","scripts":{}}',
    '{"compilerOptions":{"strict":true}}',
    '[1,2,3]',
    '{,,,',
  ]) {
    assert.deepEqual(checkText(text, { today: TODAY }), {
      ...checkText(text, { today: TODAY }),
      kind: 'unknown',
      findings: [],
    });
  }
});
