// Editing help beyond single diagnostics: fix-all as a source action, and the outline.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, openDoc, waitForDiagnostics } from './helpers';

/** Two problems whose fixes are safe to apply unseen: a Latin A in «А26», a trailing comma. */
const SAFE_TO_FIX = `{
  "departmentId": "30B1BE3B-BED1-49F6-AB4C-D138A81A9505",
  "format": "Other",
  "number": "A26-00-000000002",
  "createDate": "2016-11-02",
  "name": "Тест",
  "address": "Тест",
  "questions": [
    {
      "code": "0015",
      "status": "InWork",
      "incomingDate": "2016-11-02",
      "registrationDate": "2016-11-03",
    }
  ]
}
`;

function flatten(symbols: vscode.DocumentSymbol[]): vscode.DocumentSymbol[] {
  return symbols.flatMap((s) => [s, ...flatten(s.children ?? [])]);
}

suite('editing', () => {
  suiteSetup(activateExtension);

  test('source.fixAll applies every safe fix in one edit', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: SAFE_TO_FIX });
    await vscode.window.showTextDocument(doc, { preview: false });
    const diags = await waitForDiagnostics(doc.uri, (d) => d.length === 2, 'two diagnostics');
    assert.deepEqual(diags.map((d) => d.code).sort(), ['rro/json-trailing-comma', 'rro/number-latin-a']);
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider',
      doc.uri,
      whole,
      vscode.CodeActionKind.SourceFixAll.value,
    );
    const fixAll = actions.find((a) => a.kind && vscode.CodeActionKind.SourceFixAll.contains(a.kind) && a.edit);
    assert.ok(fixAll?.edit, `a source.fixAll action among ${actions.map((a) => a.kind?.value).join(', ')}`);
    assert.equal(await vscode.workspace.applyEdit(fixAll.edit), true);
    await waitForDiagnostics(doc.uri, (d) => d.length === 0, 'no diagnostics after fix-all');
    assert.ok(doc.getText().includes('"А26-00-000000002"'), 'Cyrillic А');
    assert.ok(!/,\s*}/.test(doc.getText()), 'no trailing comma');
  });

  test('the outline shows the appeal by number with one entry per question', async () => {
    const { document } = await openDoc('appeals/in-work.json');
    const symbols = await eventually(async () => {
      const all = flatten(
        (await vscode.commands.executeCommand<vscode.DocumentSymbol[]>(
          'vscode.executeDocumentSymbolProvider',
          document.uri,
        )) ?? [],
      );
      return all.some((s) => s.name.includes('Ж-2016-0046')) ? all : undefined;
    }, 'an outline entry with the appeal number');
    const appeal = symbols.find((s) => s.name.includes('Ж-2016-0046'));
    assert.ok(appeal);
    assert.equal(appeal.children.length, 1);
    assert.ok(
      appeal.children[0]?.name.includes('0015') && appeal.children[0].name.includes('InWork'),
      appeal.children[0]?.name,
    );
  });
});
