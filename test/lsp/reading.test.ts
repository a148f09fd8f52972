// Issue 15 points 2–5 over LSP: never silent on a too-deep document, a bad Base64 character
// found where it is, words instead of message keys, quick fixes from the server's own
// findings; and issue 10.3: values once with their labels, the attach command only where the
// status takes a file, dates that keep the order, skeletons in an empty file.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { MarkupContent, ShowMessageParams, TextEdit } from 'vscode-languageserver-protocol/node';
import { spawnSync } from 'node:child_process';
import { CLI, FIXTURES, LspTestClient } from './client';
import { expandSnippet } from './snippetExpand';
import { applyEdits, find } from './text';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');

function hoverText(h: { contents: unknown } | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('reading help: findings you can find, words not keys', () => {
  let client: LspTestClient;
  let english: LspTestClient;
  let n = 0;
  const open = async (c: LspTestClient, text: string): Promise<string> => {
    const uri = `untitled:reading-${++n}.json`;
    await c.open(uri, text);
    return uri;
  };
  before(async () => {
    client = await LspTestClient.start({ pull: true, initializationOptions: { locale: 'ru', client: 'rro-vscode' } });
    english = await LspTestClient.start({ pull: true, initializationOptions: { locale: 'en' } });
  });
  after(async () => {
    await client.stop();
    await english.stop();
  });

  it('reports a too-deep document at "" and still outlines what it can read', async () => {
    const deep = '['.repeat(600) + ']'.repeat(600);
    const text = VALID.replace('"address":', `"email": ${deep},\n  "address":`);
    const uri = await open(client, text);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.ok(
      diagnostics.some((d) => d.code === 'rro/json-too-deep'),
      JSON.stringify(diagnostics.map((d) => d.code)),
    );
    // Pushed the same way to a client without pull diagnostics.
    const push = await LspTestClient.start({ initializationOptions: { locale: 'en' } });
    try {
      const pending = push.waitForPush('untitled:deep.json');
      await push.open('untitled:deep.json', text);
      const pushed = await pending;
      assert.ok(pushed.diagnostics.some((d) => d.code === 'rro/json-too-deep'));
    } finally {
      await push.stop();
    }
    const [appeal] = await client.symbols(uri);
    assert.match(appeal.name, /Ж-2016-0042/);
    assert.deepEqual(
      appeal.children?.map((c) => c.name),
      ['0015 — Answered'],
    );
  });

  it('reports broken and too-deep documents exactly as rro check does', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rro-broken-'));
    try {
      const texts = [
        '{"questions": [',
        '"questions": 1',
        VALID.replace('"format": "Other",', '"format": "Other"'),
        VALID.slice(0, VALID.indexOf('"questions"')),
        VALID.replace('"address":', `"email": ${'['.repeat(513)}${']'.repeat(513)},\n  "address":`),
      ];
      for (const [i, text] of texts.entries()) {
        const file = path.join(dir, `broken-${i}.json`);
        writeFileSync(file, text);
        const cli = spawnSync(process.execPath, [CLI, 'check', '--format', 'json', '--lang', 'en', file], {
          encoding: 'utf8',
        });
        const report = JSON.parse(cli.stdout) as { files: { diagnostics: { rule: string; range: unknown }[] }[] };
        const expected = report.files[0].diagnostics.map((d) => `${d.rule} ${JSON.stringify(d.range)}`);
        const uri = await open(english, text);
        const got = (await english.pullDiagnostics(uri)).map((d) => `${String(d.code)} ${JSON.stringify(d.range)}`);
        assert.ok(expected.length > 0, `case ${i}: the CLI finds nothing`);
        assert.deepEqual(got.sort(), expected.sort(), `case ${i}`);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('underlines a bad Base64 character in a long content where it is, naming line and column', async () => {
    const content = 'QUJD'.repeat(5000);
    const bad = content.slice(0, 9999) + '!' + content.slice(10000);
    const text = VALID.replace(/"content": "[^"]*"/, `"content": "${bad}"`);
    const uri = await open(english, text);
    const [d] = (await english.pullDiagnostics(uri)).filter((x) => x.code === 'rro/attachment-content');
    const at = find(text, '!');
    assert.equal(d.range.start.line, at.line);
    assert.ok(d.range.start.character <= at.character && at.character < d.range.end.character);
    assert.ok(d.range.end.character - d.range.start.character <= 9, JSON.stringify(d.range));
    assert.match(String(d.message), new RegExp(`line ${at.line + 1}, column ${at.character + 1}`));
  });

  it('says in words that the classifier could not be read, once, and hover says it failed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rro-reading-'));
    const broken = path.join(dir, 'broken.csv');
    writeFileSync(broken, 'Код;Наименование\n0001.0001.0001.0015;Тема\nабв;Плохо\n');
    const missing = path.join(dir, 'missing.csv');
    try {
      for (const [file, line] of [
        [missing, undefined],
        [broken, 3],
      ] as const) {
        const c = await LspTestClient.start({
          pull: true,
          initializationOptions: { locale: 'en' },
          settings: () => ({ classifier: { path: file } }),
        });
        const notices: ShowMessageParams[] = [];
        // showWarningMessage is a request (it may carry buttons).
        c.connection.onRequest('window/showMessageRequest', (p: ShowMessageParams) => {
          notices.push(p);
          return null;
        });
        try {
          const uri = 'untitled:with-classifier.json';
          await c.open(uri, VALID);
          await c.pullDiagnostics(uri);
          const code = hoverText(await c.hover(uri, find(VALID, '"0015"', 2)));
          assert.equal(notices.length, 1, JSON.stringify(notices));
          const [notice] = notices;
          assert.ok(notice.message.includes(file), notice.message);
          assert.doesNotMatch(notice.message, /[{}]|ENOENT|classifier:/);
          if (line) assert.match(notice.message, new RegExp(`line ${line}`));
          assert.match(code, /failed to load/);
          assert.doesNotMatch(code, /rro\.classifier\.path/);
        } finally {
          await c.stop();
        }
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('hovers optional fields in the user’s language', async () => {
    const text = VALID.replace('"address":', '"isDirect": true,\n  "email": "a@example.org",\n  "address":');
    const uri = await open(english, text);
    for (const name of ['"isDirect"', '"email"']) {
      const hover = hoverText(await english.hover(uri, find(text, name, 2)));
      assert.doesNotMatch(hover, /[а-яё]/i, hover);
    }
  });

  it('offers quick fixes from its own findings when the client sends no diagnostics', async () => {
    const text = VALID.replace('"2016-11-10"', '"10.11.2016"');
    const uri = await open(client, text);
    const at = find(text, '10.11.2016', 2);
    const actions = await client.codeActions(uri, { start: at, end: at }, [], ['quickfix']);
    const fix = actions.find((a) => a.diagnostics?.[0]?.code === 'rro/date-format');
    assert.ok(fix?.edit, JSON.stringify(actions.map((a) => a.title)));
    const fixed = applyEdits(text, fix.edit.changes![uri]);
    assert.ok(fixed.includes('"responseDate": "2016-11-10"'));
  });

  it('completes each status once with its Russian label beside it', async () => {
    const uri = await open(client, VALID);
    const statuses = await client.completion(uri, find(VALID, '"Answered"', 1));
    const labels = statuses.map((i) => i.label);
    assert.equal(new Set(labels).size, labels.length);
    assert.equal(statuses.find((i) => i.label === 'NotReceived')!.labelDetails?.description, 'Не поступило');
  });

  it('offers «Прикрепить файл…» only where the status takes an attachment', async () => {
    const attachTitles = async (text: string, needle: string): Promise<string[]> => {
      const uri = await open(client, text);
      const at = find(text, needle, 2);
      const r = (await client.connection.sendRequest('textDocument/codeAction', {
        textDocument: { uri },
        range: { start: at, end: at },
        context: { diagnostics: [] },
      })) as { command?: { command: string } }[];
      return r.filter((a) => a.command?.command === 'rro.attachFile').map(() => 'attach');
    };
    assert.deepEqual(await attachTitles(VALID, '"registrationDate"'), ['attach']);
    const inWork = VALID.replace('"Answered"', '"InWork"').replace(/,\s*"responseDate"[\s\S]*?\}\n/, '\n');
    assert.deepEqual(await attachTitles(inWork, '"registrationDate"'), []);
  });

  it('fills a new date with the nearest date of the chain, not today', async () => {
    const text = VALID.replace('"registrationDate": "2016-11-03",', '');
    const uri = await open(client, text);
    const missing = (await client.pullDiagnostics(uri)).filter((d) => d.code === 'rro/required');
    const [add] = (await client.codeActions(uri, missing[0].range, missing, ['quickfix'])).filter((a) => a.edit);
    const added = applyEdits(text, add.edit!.changes![uri]);
    assert.match(added, /"registrationDate": "2016-11-02"/);
    const left = await client.pullDiagnostics(await open(client, added));
    assert.ok(!left.some((d) => d.code === 'rro/date-order' || d.code === 'rro/required'));
    // Completion of the property and of its value.
    const typed = text.replace('"incomingDate": "2016-11-02",', '"incomingDate": "2016-11-02",\n      "reg');
    const uri2 = await open(client, typed);
    const item = (await client.completion(uri2, find(typed, '"reg', 4))).find((i) => i.label === 'registrationDate');
    assert.match(item!.textEdit!.newText, /2016-11-02/);
    // incomingDate: today would come after responseDate.
    const values = await client.completion(uri, find(text, '"incomingDate": "2016-11-02"', 17));
    assert.deepEqual(
      values.map((v) => v.label),
      ['2016-11-02'],
    );
  });

  it('builds an appeal or a no-appeals report in an empty file and in {}', async () => {
    for (const text of ['', '{}', '{\n}\n']) {
      for (const c of [client, english]) {
        const uri = await open(c, text);
        const items = await c.completion(uri, find(text + ' ', ' ', 0));
        assert.equal(items.length, 2, `${JSON.stringify(text)}: ${items.length}`);
        for (const item of items) {
          const edit = item.textEdit as TextEdit;
          const done = applyEdits(text, [{ ...edit, newText: expandSnippet([edit.newText], new Date()) }]);
          const errors = (await c.pullDiagnostics(await open(c, done))).filter((d) => d.severity === 1);
          assert.deepEqual(errors, [], done);
        }
      }
    }
  });
});
