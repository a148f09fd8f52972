// Over LSP, on the real server (issue 8 points 3, 5, 7; issue 15 point 1): ordinary JSON gets
// nothing, a root array of appeals gets `rro/several-documents` with a fix creating one file
// per appeal (never one that exists), a 4-digit code's hover lists every full code it stands
// for, and `isDirect` says what `number` and `createDate` mean.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CreateFile, MarkupContent, TextDocumentEdit } from 'vscode-languageserver-protocol/node';
import { FIXTURES, fileUri, LspTestClient } from './client';
import { find } from './text';

const VALID = JSON.parse(readFileSync(path.join(FIXTURES, 'valid', 'in-work.json'), 'utf8')) as Record<string, unknown>;
const dir = mkdtempSync(path.join(tmpdir(), 'rro-lsp-forms-'));
const classifierFile = path.join(dir, 'classifier.json');
writeFileSync(
  classifierFile,
  JSON.stringify([
    { code: '0005', name: 'Сфера', level: 1, parent_code: null },
    { code: '0005', name: 'Жилище', level: 2, parent_code: '0005' },
    { code: '0055', name: 'Коммунальное хозяйство', level: 3, parent_code: '0005.0005' },
    { code: '0040', name: 'Вопрос А', level: 4, parent_code: '0005.0005.0055' },
    { code: '0060', name: 'Другая тема', level: 3, parent_code: '0005.0005' },
    { code: '0040', name: 'Вопрос Б', level: 4, parent_code: '0005.0005.0060' },
  ]),
);

describe('document forms over LSP', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({
      pull: true,
      initializationOptions: { locale: 'en', client: 'rro-vscode' },
      settings: () => ({ classifier: { path: classifierFile } }),
    });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ordinary JSON gets nothing', async () => {
    for (const [i, value] of [
      { title: 'Quiz', questions: [{ code: 'Q1', status: 'draft' }] },
      { email: 'a@b', name: 'x', address: 'y' },
      { year: 2026, month: 10 },
    ].entries()) {
      const uri = fileUri(path.join(dir, `ordinary-${i}.json`));
      await client.open(uri, JSON.stringify(value));
      assert.deepEqual(await client.pullDiagnostics(uri), []);
    }
  });

  it('an array of appeals: rro/several-documents and a fix that creates one file per appeal', async () => {
    const file = path.join(dir, 'two.json');
    writeFileSync(path.join(dir, 'two-1.json'), 'taken');
    const text = JSON.stringify([VALID, { ...VALID, number: 'А26-05-84857211-СО2' }], null, 2);
    const uri = fileUri(file);
    await client.open(uri, text);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.deepEqual(
      diagnostics.map((d) => [d.code, d.severity]),
      [['rro/several-documents', 1]],
    );
    const actions = await client.codeActions(uri, diagnostics[0].range, diagnostics, ['quickfix']);
    const split = actions.find((a) => a.edit?.documentChanges);
    assert.ok(split, 'a split action');
    const changes = split.edit!.documentChanges!;
    const created = changes.filter((c): c is CreateFile => 'kind' in c && c.kind === 'create');
    assert.deepEqual(
      created.map((c) => path.basename(new URL(c.uri).pathname)),
      ['two-1-2.json', 'two-2.json'],
    );
    assert.ok(created.every((c) => c.options?.overwrite === false));
    const texts = changes
      .filter((c): c is TextDocumentEdit => 'textDocument' in c)
      .map((c) => (c.edits[0] as { newText: string }).newText);
    assert.deepEqual(JSON.parse(texts[0]), VALID);
    assert.ok(!existsSync(path.join(dir, 'two-2.json')), 'the server itself writes nothing');
  });

  it('hover: a 4-digit code lists every full code it stands for; isDirect explains number and createDate', async () => {
    const appeal = { ...VALID, isDirect: false, questions: [{ ...(VALID.questions as object[])[0], code: '0040' }] };
    const text = JSON.stringify(appeal, null, 2);
    const uri = fileUri(path.join(dir, 'hover.json'));
    await client.open(uri, text);
    const code = (await client.hover(uri, find(text, '"0040"', 2)))!.contents as MarkupContent;
    assert.match(code.value, /0005\.0005\.0055\.0040/);
    assert.match(code.value, /0005\.0005\.0060\.0040/);
    assert.match(code.value, /Вопрос А/);
    const items = await client.completion(uri, find(text, '"0040"', 1));
    const forty = items.find((i) => i.label === '0040')!;
    assert.match((forty.documentation as MarkupContent).value, /0005\.0005\.0060\.0040` Вопрос Б/);
    assert.ok(items.some((i) => i.label === '0005.0005.0055.0040' && i.detail === 'Вопрос А'));
    const direct = (await client.hover(uri, find(text, '"isDirect"', 2)))!.contents as MarkupContent;
    assert.match(direct.value, /isDirect: true/);
    assert.match(direct.value, /isDirect: false/);
    const value = (await client.hover(uri, find(text, 'false', 1)))!.contents as MarkupContent;
    assert.match(value.value, /cover letter/);
    assert.doesNotMatch(value.value, /isDirect: true/);
    const number = (await client.hover(uri, find(text, '"number"', 2)))!.contents as MarkupContent;
    assert.match(number.value, /forwarding body's cover letter/);
  });
});

describe('a workspace folder hides nothing («Check Folder», the startup scan)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rro-lsp-ws-forms-'));
  writeFileSync(path.join(root, 'empty.json'), '');
  writeFileSync(path.join(root, 'export.json'), '<?xml version="1.0"?><a/>');
  writeFileSync(path.join(root, 'two.json'), JSON.stringify([VALID, VALID]));
  writeFileSync(path.join(root, 'package.json'), '{"name": "x", "version": "1.0.0"}');
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: true, folders: [root] });
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('an empty file, XML and an array of appeals are in Problems', async () => {
    const codes = async (name: string): Promise<string[]> =>
      (await client.waitForPush(fileUri(path.join(root, name)), () => true, true)).diagnostics.map((d) =>
        String(d.code),
      );
    assert.deepEqual(await codes('empty.json'), ['rro/not-json']);
    assert.deepEqual(await codes('export.json'), ['rro/not-json']);
    assert.deepEqual(await codes('two.json'), ['rro/several-documents']);
  });
});
