// Issue 15.6 over LSP: inlay hints, formatting, folding and selection ranges, for any client.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { FoldingRange, InlayHint, SelectionRange, TextEdit } from 'vscode-languageserver-protocol/node';
import { readingHelpCapabilities } from '../../server/src/lsp/readingHelp';
import { FIXTURES, LspTestClient } from './client';
import { applyEdits, find } from './text';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');
const TRANSFERRED = readFileSync(path.join(FIXTURES, 'valid', 'transferred.json'), 'utf8');
const DEPT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 10_000, character: 0 } };

describe('reading help over LSP', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'rro-reading-help-'));
  const departmentsFile = path.join(dir, 'departments.json');
  writeFileSync(departmentsFile, JSON.stringify([{ id: DEPT, name: 'Министерство тестовых дел' }]));
  let client: LspTestClient;
  let n = 0;
  const open = async (text: string): Promise<string> => {
    const uri = `untitled:help-${++n}.json`;
    await client.open(uri, text);
    return uri;
  };
  before(async () => {
    client = await LspTestClient.start({
      pull: true,
      initializationOptions: { locale: 'ru' },
      settings: () => ({ departments: { path: departmentsFile } }),
    });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('shows the status label, the department name and the attachment name and size', async () => {
    const uri = await open(VALID);
    const hints = (await client.connection.sendRequest('textDocument/inlayHint', {
      textDocument: { uri },
      range: WHOLE,
    })) as InlayHint[];
    const labels = hints.map((h) => String(h.label));
    assert.ok(labels.includes('Дан ответ'), labels.join(' | '));
    assert.ok(labels.includes('Министерство тестовых дел'), labels.join(' | '));
    assert.ok(
      labels.some((l) => /^Ответ\.txt, \d+ байт$/.test(l)),
      labels.join(' | '),
    );
    const status = hints.find((h) => h.label === 'Дан ответ')!;
    assert.deepEqual(status.position, find(VALID, '"Answered"', '"Answered"'.length));
    // Package manifests and other JSON get none.
    const other = await open('{"name": "x", "version": "1.0.0"}');
    assert.deepEqual(
      await client.connection.sendRequest('textDocument/inlayHint', { textDocument: { uri: other }, range: WHOLE }),
      [],
    );
  });

  it('formats keeping the key order, 2 spaces by default, the client’s options otherwise', async () => {
    const squeezed = JSON.stringify(JSON.parse(TRANSFERRED));
    const uri = await open(squeezed);
    const format = async (options: object): Promise<string> => {
      const edits = (await client.connection.sendRequest('textDocument/formatting', {
        textDocument: { uri },
        options,
      })) as TextEdit[];
      return applyEdits(squeezed, edits);
    };
    const two = await format({ tabSize: 2, insertSpaces: true });
    assert.equal(two, JSON.stringify(JSON.parse(TRANSFERRED), null, 2));
    const tabs = await format({ tabSize: 4, insertSpaces: false });
    assert.equal(tabs, JSON.stringify(JSON.parse(TRANSFERRED), null, '\t'));
    const four = await format({ tabSize: 4, insertSpaces: true });
    assert.deepEqual(Object.keys(JSON.parse(four) as object), Object.keys(JSON.parse(TRANSFERRED) as object));
    assert.match(four, /\n {4}"departmentId"/);
  });

  it('folds the appeal, its questions and their objects, and expands selections outward', async () => {
    const uri = await open(VALID);
    const folds = (await client.connection.sendRequest('textDocument/foldingRange', {
      textDocument: { uri },
    })) as FoldingRange[];
    const lines = VALID.split('\n');
    const starts = folds.map((f) => lines[f.startLine].trim());
    assert.deepEqual(starts, ['{', '"questions": [', '{', '"attachment": {']);
    const [selection] = (await client.connection.sendRequest('textDocument/selectionRange', {
      textDocument: { uri },
      positions: [find(VALID, 'Ответ.txt', 2)],
    })) as SelectionRange[];
    const texts: string[] = [];
    for (let s: SelectionRange | undefined = selection; s; s = s.parent) {
      const start = VALID.split('\n').slice(0, s.range.start.line).join('\n').length + (s.range.start.line ? 1 : 0);
      const end = VALID.split('\n').slice(0, s.range.end.line).join('\n').length + (s.range.end.line ? 1 : 0);
      texts.push(VALID.slice(start + s.range.start.character, end + s.range.end.character));
    }
    assert.equal(texts[0], 'Ответ.txt');
    assert.equal(texts[1], '"Ответ.txt"');
    assert.equal(texts[2], '"name": "Ответ.txt"');
    assert.ok(texts[3].startsWith('{') && texts[3].includes('"content"'));
    assert.equal(texts[texts.length - 1], VALID.trimEnd());
  });

  it('leaves formatting, folding and selection to VS Code’s own JSON support in our client', () => {
    assert.deepEqual(readingHelpCapabilities(true), { inlayHintProvider: true });
    assert.equal(readingHelpCapabilities(false).documentFormattingProvider, true);
  });
});
