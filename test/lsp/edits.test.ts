// Issue 10.2 over LSP: every edit the server offers — quick fixes, fix-all, property and
// value completions, the attach edit, the empty-file skeletons — applied to a corpus of
// realistic documents leaves valid JSON and adds no error. (A new optional property may
// leave a value for the user to fill: its own placeholder is allowed to be empty, nothing
// else may break.)
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseTree, type Node } from 'jsonc-parser';
import type { CompletionItem, Diagnostic, TextEdit } from 'vscode-languageserver-protocol/node';
import { FIXTURES, LspTestClient } from './client';
import { expandSnippet } from './snippetExpand';
import { applyEdits, positionAt } from './text';

const VALID_DIR = path.join(FIXTURES, 'valid');
const VALID = readdirSync(VALID_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => ({ name: f, text: readFileSync(path.join(VALID_DIR, f), 'utf8') }));
const ANSWERED = VALID.find((v) => v.name === 'answered.json')!.text;

/** Damaged documents of the kinds clerks produce: each has fixes to offer. */
const DAMAGED = [
  { name: 'russian dates', text: ANSWERED.replace(/"(\d{4})-(\d{2})-(\d{2})"/g, '"$3.$2.$1"') },
  {
    name: 'full code, lower-case status',
    text: ANSWERED.replace('"0015"', '"0001.0002.0027.0015"').replace('"Answered"', '"answered"'),
  },
  {
    name: 'BOM, comment, trailing comma',
    text: '\ufeff' + ANSWERED.replace('{\n', '{\n  // черновик\n').replace(/"\n(\s*)\}\n(\s*)\]/, '",\n$1}\n$2]'),
  },
  {
    name: 'missing dates',
    text: ANSWERED.replace(/\s*"registrationDate": "[^"]*",/, '').replace(/\s*"responseDate": "[^"]*",/, ''),
  },
  { name: 'missing createDate', text: ANSWERED.replace(/\s*"createDate": "[^"]*",/, '') },
  { name: 'broken JSON', text: ANSWERED.replace('"format": "Other",', '"format": "Other"') },
  { name: 'wrong key case', text: ANSWERED.replace('"incomingDate"', '"IncomingDate"') },
  { name: 'latin A in the number', text: ANSWERED.replace('"Ж-2016-0042"', '"A26-2016-0042"') },
  { name: 'path in attachment name', text: ANSWERED.replace('"Ответ.txt"', '"C:\\\\docs\\\\Ответ.txt"') },
];
const CORPUS = [...VALID, ...DAMAGED];

type Errors = Map<string, number>;

function errorCounts(diagnostics: readonly Diagnostic[]): Errors {
  const counts: Errors = new Map();
  for (const d of diagnostics) if (d.severity === 1) counts.set(String(d.code), (counts.get(String(d.code)) ?? 0) + 1);
  return counts;
}

/** Rules whose count grew (a placeholder the user fills may add one rro/empty-value or rro/guid). */
function added(before: Errors, after: Errors, allowed: readonly string[] = []): string[] {
  return [...after].filter(([rule, n]) => n > (before.get(rule) ?? 0) && !allowed.includes(rule)).map(([r]) => r);
}

/** Where a new property can be typed: on a line of its own right after each object's `{`. */
function objectStarts(root: Node | undefined): number[] {
  const out: number[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'object') out.push(n.offset + 1);
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  return out;
}

/** Inside every string and literal value (not keys): where value completion is asked. */
function valueOffsets(root: Node | undefined): number[] {
  const out: number[] = [];
  const walk = (n: Node): void => {
    if (n.type === 'property') {
      const value = n.children?.[1];
      if (value && ['string', 'boolean', 'number'].includes(value.type) && value.length < 200)
        out.push(value.offset + (value.type === 'string' ? 1 : 0));
    }
    for (const c of n.children ?? []) walk(c);
  };
  if (root) walk(root);
  return out;
}

function applied(text: string, item: CompletionItem): string {
  const edit = item.textEdit as TextEdit;
  const main = item.insertTextFormat === 2 ? { ...edit, newText: expandSnippet([edit.newText], new Date()) } : edit;
  return applyEdits(text, [main, ...(item.additionalTextEdits ?? [])]);
}

describe('every edit the server offers keeps the document valid', () => {
  let client: LspTestClient;
  let n = 0;
  const check = async (text: string): Promise<Diagnostic[]> => {
    const uri = `untitled:edit-${++n}.json`;
    await client.open(uri, text);
    return client.pullDiagnostics(uri);
  };
  const assertKept = async (what: string, before: Errors, after: string, allowed: string[] = []): Promise<void> => {
    const left = await check(after);
    const codes = left.map((d) => String(d.code));
    // Valid JSON stays valid; broken JSON gets no more syntax errors (counted below).
    assert.ok(!codes.includes('rro/json-syntax') || before.has('rro/json-syntax'), `${what}: broke the JSON\n${after}`);
    assert.deepEqual(added(before, errorCounts(left), allowed), [], `${what}\n${after}`);
  };
  before(async () => {
    client = await LspTestClient.start({ pull: true, initializationOptions: { locale: 'ru', client: 'rro-vscode' } });
  });
  after(() => client.stop());

  for (const doc of CORPUS) {
    it(`fixes and fix-all on ${doc.name}`, async () => {
      const uri = `untitled:fix-${++n}.json`;
      await client.open(uri, doc.text);
      const diagnostics = await client.pullDiagnostics(uri);
      const before = errorCounts(diagnostics);
      for (const d of diagnostics) {
        for (const action of await client.codeActions(uri, d.range, [d], ['quickfix'])) {
          if (action.edit) await assertKept(action.title, before, applyEdits(doc.text, action.edit.changes![uri]));
        }
      }
      const all = await client.codeActions(
        uri,
        { start: positionAt(doc.text, 0), end: positionAt(doc.text, 0) },
        [],
        ['source.fixAll'],
      );
      for (const action of all)
        await assertKept(action.title, before, applyEdits(doc.text, action.edit!.changes![uri]));
    });

    it(`completions on ${doc.name}`, async () => {
      const before = errorCounts(await check(doc.text));
      const root = parseTree(doc.text);
      // Values: replacing a value by any offered one adds no error.
      const uri = `untitled:values-${++n}.json`;
      await client.open(uri, doc.text);
      for (const offset of valueOffsets(root)) {
        for (const item of await client.completion(uri, positionAt(doc.text, offset))) {
          if (item.label === 'NotReceived' || item.kind === 20 /* EnumMember: a status or a form */) continue;
          await assertKept(`value ${item.label}`, before, applied(doc.text, item));
        }
      }
      // Properties, typed on a new line at the top of each object.
      for (const start of objectStarts(root)) {
        const typed = doc.text.slice(0, start) + '\n"\n' + doc.text.slice(start);
        const turi = `untitled:props-${++n}.json`;
        await client.open(turi, typed);
        const typedBefore = errorCounts(await check(doc.text));
        for (const item of await client.completion(turi, positionAt(typed, start + 2))) {
          await assertKept(`property ${item.label}`, typedBefore, applied(typed, item), [
            'rro/empty-value',
            'rro/guid',
            'rro/required',
            'rro/code-format',
            'rro/attachment-content',
            'rro/transfer-same-department',
          ]);
        }
      }
    });
  }

  it('the attach edit on every question of the corpus', async () => {
    for (const doc of CORPUS) {
      const root = parseTree(doc.text);
      const questions = root?.children?.find((p) => p.children?.[0].value === 'questions')?.children?.[1];
      if (questions?.type !== 'array') continue;
      const uri = `untitled:attach-${++n}.json`;
      await client.open(uri, doc.text);
      const before = errorCounts(await client.pullDiagnostics(uri));
      for (let i = 0; i < (questions.children ?? []).length; i++) {
        const edit = (await client.connection.sendRequest('rro/attachmentEdit', {
          uri,
          pointer: `/questions/${i}`,
          name: 'ответ.pdf',
          contentBase64: Buffer.from('%PDF-1.4 ответ').toString('base64'),
        })) as { changes: Record<string, TextEdit[]> } | null;
        assert.ok(edit, `${doc.name}: no attach edit`);
        await assertKept(`attach in ${doc.name}`, before, applyEdits(doc.text, edit.changes[uri]));
      }
    }
  });

  it('the skeletons of an empty file', async () => {
    for (const text of ['', '{}', '  {  }  \n']) {
      const uri = `untitled:blank-${++n}.json`;
      await client.open(uri, text);
      const items = await client.completion(uri, positionAt(text, text.indexOf('}') >= 0 ? text.indexOf('}') : 0));
      assert.equal(items.length, 2);
      for (const item of items) await assertKept(String(item.label), new Map(), applied(text, item));
    }
  });
});
