// Diagnostics reach the Problems panel with rule ids and ranges, go away when the text is
// fixed, and never touch JSON files that are not РРО documents.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fileUri, openDoc, positionOf, shape, shapes, waitForDiagnostics } from './helpers';

const BROKEN_STATUS = '"Answerd"';

suite('diagnostics', () => {
  suiteSetup(activateExtension);

  test('a misspelt status gets rro/status-value on the status value', async () => {
    const { document } = await openDoc('appeals/status-typo.json');
    const diags = await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics');
    const at = positionOf(document, BROKEN_STATUS);
    assert.deepEqual(diags, [
      { code: 'rro/status-value', range: [at.line, at.character, at.line, at.character + BROKEN_STATUS.length] },
    ]);
  });

  test('the rule link opens the bundled rule page at that rule, offline', async () => {
    const { document } = await openDoc('appeals/status-typo.json');
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics');
    const [diag] = vscode.languages.getDiagnostics(document.uri).filter((d) => shape(d).code === 'rro/status-value');
    assert.ok(diag && typeof diag.code === 'object', 'a code with a link');
    const target = diag.code.target;
    assert.equal(target.scheme, 'file');
    assert.ok(target.path.endsWith('/docs/vsix/rules.md'), target.toString());
    const line = Number(/^L(\d+)$/.exec(target.fragment)?.[1]);
    const page = await vscode.workspace.openTextDocument(target.with({ fragment: '' }));
    assert.match(page.lineAt(line - 1).text, /rro\/status-value/);
  });

  test('the diagnostic disappears once the status is fixed', async () => {
    const { document } = await openDoc('appeals/status-typo.json');
    await waitForDiagnostics(document.uri, (d) => d.length > 0, 'diagnostics before the fix');
    const start = positionOf(document, BROKEN_STATUS);
    const edit = new vscode.WorkspaceEdit();
    edit.replace(document.uri, new vscode.Range(start, start.translate(0, BROKEN_STATUS.length)), '"Answered"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(document.uri, (d) => d.length === 0, 'no diagnostics after the fix');
  });

  test('a valid appeal has no diagnostics', async () => {
    const { document } = await openDoc('appeals/answered.json');
    // a broken document opened after it is the barrier: once its diagnostics arrive, the
    // server has handled the valid one too
    await barrier();
    assert.deepEqual(shapes(document.uri), []);
  });

  test('package.json gets no diagnostic', async () => {
    const { document } = await openDoc('package.json');
    await barrier();
    assert.deepEqual(vscode.languages.getDiagnostics(fileUri('package.json')), []);
    assert.equal(document.languageId, 'json');
  });
});

/** Opens a fresh broken untitled appeal and waits for its diagnostic. */
async function barrier(): Promise<void> {
  const content = JSON.stringify(
    {
      departmentId: '30B1BE3B-BED1-49F6-AB4C-D138A81A9505',
      format: 'Other',
      number: 'Ж-1',
      createDate: '2016-11-02',
      name: 'Тест',
      address: 'Тест',
      questions: [
        {
          code: '0015',
          status: 'Answerd',
          incomingDate: '2016-11-02',
          registrationDate: '2016-11-03',
          responseDate: '2016-11-10',
        },
      ],
    },
    null,
    2,
  );
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
  await vscode.window.showTextDocument(doc, { preview: false });
  await waitForDiagnostics(doc.uri, (d) => d.some((x) => x.code === 'rro/status-value'), 'the barrier document');
}
