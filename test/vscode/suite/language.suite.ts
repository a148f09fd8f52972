// Hover, completion and quick fixes, asked for the way the editor asks (the built-in
// vscode.execute*Provider commands), so they travel through the real language client.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { STATUS_BY_ID, STATUS_IDS } from '../../../server/src/format/table';
import { activateExtension, eventually, openDoc, positionOf, waitForDiagnostics } from './helpers';
import { LANGUAGE_ENV } from './results';

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : c.value))
    .join('\n');
}

function uiLang(): 'ru' | 'en' {
  return vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

suite('language features', () => {
  suiteSetup(activateExtension);

  test('VS Code runs in the language the harness asked for', () => {
    const asked = process.env[LANGUAGE_ENV];
    if (asked)
      assert.equal(uiLang(), asked.startsWith('ru') ? 'ru' : 'en', `vscode.env.language = ${vscode.env.language}`);
    else assert.ok(vscode.env.language, 'a UI language');
  });

  test('hover on a status shows its label in the UI language', async () => {
    const { document } = await openDoc('appeals/in-work.json');
    const at = positionOf(document, '"InWork"', 3);
    const label = STATUS_BY_ID.get('InWork')?.label[uiLang()];
    assert.ok(label);
    const text = await eventually(async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
        'vscode.executeHoverProvider',
        document.uri,
        at,
      );
      const t = hoverText(hovers ?? []);
      return t.includes(label) ? t : undefined;
    }, `a hover with «${label}»`);
    assert.ok(text.includes(label));
  });

  test('completion in a status value offers every status', async () => {
    const content = JSON.stringify(
      {
        departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
        format: 'Other',
        number: 'Ж-2',
        createDate: '2016-11-02',
        name: 'Тест',
        address: 'Тест',
        questions: [{ code: '0015', status: '', incomingDate: '2016-11-02' }],
      },
      null,
      2,
    );
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
    await vscode.window.showTextDocument(doc, { preview: false });
    const at = positionOf(doc, '"status": ""', '"status": "'.length);
    const offered = await eventually(async () => {
      const list = await vscode.commands.executeCommand<vscode.CompletionList>(
        'vscode.executeCompletionItemProvider',
        doc.uri,
        at,
      );
      const words = new Set(
        list.items.flatMap((i) => {
          const label = typeof i.label === 'string' ? i.label : i.label.label;
          const insert = typeof i.insertText === 'string' ? i.insertText : (i.insertText?.value ?? '');
          return [label, i.filterText ?? '', insert].map((w) => w.replace(/["\\$\d{}:]/g, ''));
        }),
      );
      return STATUS_IDS.every((s) => words.has(s)) ? words : undefined;
    }, 'completion items for every status');
    for (const s of STATUS_IDS) assert.ok(offered.has(s), s);
  });

  test('a quick fix from executeCodeActionProvider makes the file clean', async () => {
    const { document } = await openDoc('appeals/quick-fix.json');
    const [diag] = await waitForDiagnostics(
      document.uri,
      (d) => d.some((x) => x.code === 'rro/status-value'),
      'rro/status-value',
    );
    assert.ok(diag);
    const range = new vscode.Range(diag.range[0], diag.range[1], diag.range[2], diag.range[3]);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      document.uri,
      range,
      vscode.CodeActionKind.QuickFix.value,
    );
    // executeCodeActionProvider does not carry the actions' diagnostics back: the fix is the
    // quick fix that edits this document
    const fix = actions.find(
      (a) => a.kind?.value === vscode.CodeActionKind.QuickFix.value && (a.edit?.get(document.uri).length ?? 0) > 0,
    );
    assert.ok(fix?.edit, `a quick fix editing the file among ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(await vscode.workspace.applyEdit(fix.edit), true);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'a clean file after the quick fix');
    assert.ok(document.getText().includes('"Answered"'));
  });
});
