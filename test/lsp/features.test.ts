// Hover, completion, quick fixes, fix-all and the outline through the real server.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, MarkupContent, TextEdit } from 'vscode-languageserver-protocol/node';
import { STATUS_IDS } from '../../server/src/format/table';
import { FIXTURES, LspTestClient } from './client';
import { applyEdits, find } from './text';
import { makeTempDir } from '../tempDir';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');
const DEPT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
const BAD = [
  '\ufeff{',
  '  // a comment',
  `  "departmentId": "${DEPT}",`,
  '  "format": "Other",',
  '  "number": "A26-2016-0042",',
  '  "createDate": "02.11.2016",',
  '  "name": "Волкова Елена Павловна",',
  '  "address": "г. Калуга",',
  '  "questions": [',
  '    {',
  '      "code": "0001.0002.0027.0015",',
  '      "status": "answered",',
  '      "IncomingDate": "2016-11-02",',
  '      "registrationDate": "2016-11-03",',
  '      "attachment": { "name": "Ответ.txt", "content": "0JLQsA==" },',
  '    }',
  '  ]',
  '}',
].join('\n');

const dir = makeTempDir('rro-lsp-');
const departmentsFile = path.join(dir, 'departments.json');
writeFileSync(departmentsFile, JSON.stringify([{ id: DEPT, name: 'Министерство тестовых дел' }]));

function hoverText(h: { contents: unknown } | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('language features', () => {
  let client: LspTestClient;
  let version = 0;
  const fresh = async (text: string): Promise<string> => {
    const uri = `untitled:doc-${++version}.json`;
    await client.open(uri, text);
    return uri;
  };
  before(async () => {
    client = await LspTestClient.start({
      pull: true,
      initializationOptions: { locale: 'ru', client: 'rro-vscode' },
      settings: () => ({ departments: { path: departmentsFile } }),
    });
  });
  after(() => client.stop());

  it('offers a quick fix for every fixable finding, and each one removes its diagnostic', async () => {
    const uri = await fresh(BAD);
    const diagnostics = await client.pullDiagnostics(uri);
    const fixed = new Set<string>();
    for (const d of diagnostics) {
      const actions = await client.codeActions(uri, d.range, [d], ['quickfix']);
      // The fixes of d, and of the server's other findings touching its range.
      for (const action of actions.filter((a) => a.edit)) {
        const [target] = action.diagnostics!;
        assert.equal(action.diagnostics!.length, 1);
        const after = applyEdits(BAD, action.edit!.changes![uri]);
        const left = await client.pullDiagnostics(await fresh(after));
        const count = (list: Diagnostic[]): number => list.filter((x) => x.code === target.code).length;
        assert.ok(
          count(left) < count(diagnostics),
          `${action.title} (${String(target.code)}) did not remove its diagnostic`,
        );
        fixed.add(String(target.code));
      }
    }
    // A question without the fields its status requires (the status above is a typo, so
    // what it requires is unknown there).
    const missing = VALID.replace(/\n\s*"responseDate": "[^"]*",/, '');
    const uri2 = await fresh(missing);
    const required = (await client.pullDiagnostics(uri2)).filter((d) => d.code === 'rro/required');
    assert.equal(required.length, 1);
    const [add] = (await client.codeActions(uri2, required[0].range, required, ['quickfix'])).filter((a) => a.edit);
    const added = applyEdits(missing, add.edit!.changes![uri2]);
    assert.ok(!(await client.pullDiagnostics(await fresh(added))).some((d) => d.code === 'rro/required'), added);
    for (const rule of [
      'rro/bom',
      'rro/json-comment',
      'rro/json-trailing-comma',
      'rro/number-latin-a',
      'rro/date-format',
      'rro/code-full', // a full code is accepted; the fix shortens it to the 4-digit form
      'rro/status-value',
      'rro/property-case',
    ]) {
      assert.ok(fixed.has(rule), `no working fix for ${rule}; fixed: ${[...fixed].join(', ')}`);
    }
  });

  it('fixes every safe problem at once with source.fixAll.rro', async () => {
    const uri = await fresh(BAD);
    const actions = await client.codeActions(
      uri,
      { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      [],
      ['source.fixAll'],
    );
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.rro');
    const after = applyEdits(BAD, actions[0].edit!.changes![uri]);
    const left = (await client.pullDiagnostics(await fresh(after))).map((d) => String(d.code));
    for (const rule of ['rro/bom', 'rro/json-comment', 'rro/json-trailing-comma'])
      assert.ok(!left.includes(rule), `${rule} left: ${left.join(', ')}`);
    assert.ok(!left.includes('rro/json-syntax'));
  });

  it('hovers a status with its label, required fields and next statuses', async () => {
    const uri = await fresh(VALID);
    const text = hoverText(await client.hover(uri, find(VALID, '"Answered"', 3)));
    assert.match(text, /Дан ответ/);
    for (const field of ['incomingDate', 'registrationDate', 'responseDate', 'attachment'])
      assert.ok(text.includes(field), field);
    for (const next of ['Explained', 'Supported', 'Transferred']) assert.ok(text.includes(next), next);
    assert.ok(!text.includes('`NotReceived`'), 'a final status cannot go back to NotReceived');
  });

  it('hovers a property name, a date, a department and a topic code', async () => {
    const uri = await fresh(VALID);
    assert.match(hoverText(await client.hover(uri, find(VALID, '"responseDate"', 2))), /3\.2\.4/);
    assert.match(hoverText(await client.hover(uri, find(VALID, '"2016-11-02"', 2))), /среда, 2 ноября 2016 г\./);
    assert.match(hoverText(await client.hover(uri, find(VALID, DEPT, 2))), /Министерство тестовых дел/);
    const excluded = VALID.replace('"0015"', '"0147"');
    const uri2 = await fresh(excluded);
    const code = hoverText(await client.hover(uri2, find(excluded, '"0147"', 2)));
    assert.match(code, /0001\.0002\.0027\.0147/);
    assert.match(code, /ССТУ/);
  });

  it('completes property names required by the status first, with placeholders', async () => {
    const text = VALID.replace(/"status": "Answered",[\s\S]*?\n    \}/, '"status": "Supported",\n      \n    }');
    const uri = await fresh(text);
    const items = await client.completion(uri, find(text, '"Supported",\n      ', 19));
    const labels = items.sort((a, b) => (a.sortText ?? '').localeCompare(b.sortText ?? '')).map((i) => i.label);
    assert.deepEqual(labels.slice(0, 5), [
      'incomingDate',
      'registrationDate',
      'responseDate',
      'attachment',
      'actionsTaken',
    ]);
    assert.ok(!labels.includes('code') && !labels.includes('status'), 'present properties are not offered');
    const date = items.find((i) => i.label === 'incomingDate')!;
    assert.match(date.textEdit!.newText, /^"incomingDate": "\$\{1:\d{4}-\d{2}-\d{2}\}"$/);
  });

  it('replaces a half-typed property name (no closing quote yet) when a completion is accepted', async () => {
    const text = VALID.replace(/"status": "Answered",[\s\S]*?\n    \}/, '"status": "InWork",\n      "inc\n    }');
    const uri = await fresh(text);
    const items = await client.completion(uri, find(text, '"inc', 4));
    const incoming = items.find((i) => i.label === 'incomingDate')!;
    const accepted = applyEdits(text, [incoming.textEdit as TextEdit]).replace(/\$\{1:([^}]*)\}/, '$1');
    assert.match(accepted, /\n {6}"incomingDate": "\d{4}-\d{2}-\d{2}"\n/);
    // Between two properties, and after one without a comma: the commas come with it.
    const between = VALID.replace('"status": "Answered",', '"status": "Answered"\n      "act\n      "code2": 1,');
    const uri2 = await fresh(between);
    const item = (await client.completion(uri2, find(between, '"act', 4))).find((i) => i.label === 'actionsTaken')!;
    const edits = [item.textEdit as TextEdit, ...(item.additionalTextEdits ?? [])];
    const done = applyEdits(between, edits).replace(/\$\{1\|([a-z]+),[^}]*\}/, '$1');
    assert.doesNotThrow(() => JSON.parse(done), done);
  });

  it('completes status values with labels, booleans, today and departments', async () => {
    const uri = await fresh(VALID);
    const statuses = await client.completion(uri, find(VALID, '"Answered"', 1));
    assert.deepEqual(statuses.map((i) => i.label).sort(), [...STATUS_IDS].sort());
    assert.equal(statuses.find((i) => i.label === 'Answered')!.detail, 'Дан ответ');
    const dates = await client.completion(uri, find(VALID, '"2016-11-10"', 1));
    assert.match(String(dates[0].label), /^\d{4}-\d{2}-\d{2}$/);
    const departments = await client.completion(uri, find(VALID, DEPT, 0));
    assert.equal(departments[0].label, DEPT);
    assert.equal(departments[0].detail, 'Министерство тестовых дел');
    const supported = VALID.replace('"status": "Answered",', '"status": "Supported",\n      "actionsTaken": true,');
    const uri2 = await fresh(supported);
    const booleans = await client.completion(uri2, find(supported, 'true,', 0));
    assert.deepEqual(
      booleans.map((i) => i.label),
      ['true', 'false'],
    );
  });

  it('names topic codes from a configured classifier in hover and completion', async () => {
    const withClassifier = await LspTestClient.start({
      pull: true,
      settings: () => ({ classifier: { path: path.join(FIXTURES, 'classifier', 'classifier.json') } }),
    });
    try {
      const uri = 'untitled:classified.json';
      await withClassifier.open(uri, VALID);
      const hover = hoverText(await withClassifier.hover(uri, find(VALID, '"0015"', 2)));
      assert.match(hover, /0001\.0001\.0001\.0015/);
      const codes = await withClassifier.completion(uri, find(VALID, '"0015"', 1));
      const first = codes.find((i) => i.label === '0001');
      assert.match(String(first?.detail), /Конституция Российской Федерации/);
      const unknown = VALID.replace('"0015"', '"9999"');
      await withClassifier.open('untitled:unknown-code.json', unknown);
      const d = await withClassifier.pullDiagnostics('untitled:unknown-code.json');
      assert.ok(d.some((x) => x.code === 'rro/code-unknown'));
    } finally {
      await withClassifier.stop();
    }
  });

  it('attaches a file: the command on a question, and the edit that writes name and content', async () => {
    const text = VALID.replace(/,\s*"attachment": \{[^}]*\}/, '');
    const uri = await fresh(text);
    const at = find(text, '"responseDate"', 2);
    const actions = await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: at, end: at },
      context: { diagnostics: [] },
    });
    const attach = (actions as { command?: { command: string; arguments: unknown[] } }[]).find(
      (a) => a.command?.command === 'rro.attachFile',
    );
    assert.deepEqual(attach?.command?.arguments, [uri, '/questions/0']);
    const content = Buffer.from('Ответ заявителю').toString('base64');
    const edit = (await client.connection.sendRequest('rro/attachmentEdit', {
      uri,
      pointer: '/questions/0',
      name: 'ответ.txt',
      contentBase64: content,
    })) as {
      changes: Record<string, TextEdit[]>;
    };
    const after = applyEdits(text, edit.changes[uri]);
    const parsed = JSON.parse(after) as { questions: { attachment: { name: string; content: string } }[] };
    assert.deepEqual(parsed.questions[0].attachment, { name: 'ответ.txt', content });
    const left = await client.pullDiagnostics(await fresh(after));
    assert.ok(!left.some((d) => String(d.code).startsWith('rro/attachment')), JSON.stringify(left.map((d) => d.code)));
  });

  it('knows the null report: property completion, hover and outline', async () => {
    const text = `{\n  "departmentId": "${DEPT}",\n  "month": 10,\n  \n}`;
    const uri = await fresh(text);
    const labels = (await client.completion(uri, find(text, '10,\n  ', 6))).map((i) => i.label);
    assert.deepEqual(labels, ['year']);
    assert.match(hoverText(await client.hover(uri, find(text, '"month"', 2))), /spec §7/);
    const [report] = await client.symbols(uri);
    assert.match(report.name, /\?/); // no year yet
    assert.equal(report.detail, DEPT);
  });

  it('outlines the appeal and its questions', async () => {
    const uri = await fresh(VALID);
    const [appeal] = await client.symbols(uri);
    assert.match(appeal.name, /Ж-2016-0042/);
    assert.equal(appeal.detail, '2016-11-02');
    assert.deepEqual(
      appeal.children?.map((c) => c.name),
      ['0015 — Answered'],
    );
  });
});
