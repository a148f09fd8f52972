// «РРО: проверить папку» fills Problems for files that were never opened. The fixture workspace
// sets rro.validate.workspace to onCommand, so nothing but the command checks them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fileUri, openDoc, positionOf, shape, shapes, waitForDiagnostics } from './helpers';

/** Line/character of `needle` in a file read from disk (opening it would make it "open"). */
async function diskPosition(relative: string, needle: string): Promise<[number, number]> {
  const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(fileUri(relative)));
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `${needle} in ${relative}`);
  const before = text.slice(0, at).split('\n');
  return [before.length - 1, before[before.length - 1]!.length];
}

suite('check folder command', () => {
  suiteSetup(activateExtension);

  test('rro.checkFolder reports problems in unopened files', async () => {
    const target = fileUri('batch/in-work-bad-date.json');
    assert.ok(
      !vscode.workspace.textDocuments.some((d) => d.uri.toString() === target.toString()),
      'the file is not open',
    );
    assert.deepEqual(shapes(target), []);
    await vscode.commands.executeCommand('rro.checkFolder');
    const diags = await waitForDiagnostics(target, (d) => d.length > 0, 'diagnostics from the folder check');
    const [line, ch] = await diskPosition('batch/in-work-bad-date.json', '"2016-13-02"');
    assert.deepEqual(diags, [{ code: 'rro/date-invalid', range: [line, ch, line, ch + '"2016-13-02"'.length] }]);
    // valid documents and non-РРО JSON stay clean
    assert.deepEqual(shapes(fileUri('batch/null-report.json')), []);
    assert.deepEqual(vscode.languages.getDiagnostics(fileUri('package.json')), []);
  });

  test('rro.checkFolder announces exactly what Problems shows, open and edited documents included', async () => {
    // an open document with an unsaved new error: the disk scan alone would miss it
    const { document } = await openDoc('appeals/in-work.json');
    const edit = new vscode.WorkspaceEdit();
    const at = positionOf(document, '"InWork"');
    edit.replace(document.uri, new vscode.Range(at, at.translate(0, '"InWork"'.length)), '"InWorkk"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    await waitForDiagnostics(document.uri, (d) => d.some((x) => x.code === 'rro/status-value'), 'the edit’s error');
    const result = await vscode.commands.executeCommand<{ problems: { errors: number; warnings: number } }>(
      'rro.checkFolder',
    );
    let errors = 0;
    let warnings = 0;
    for (const [uri, diags] of vscode.languages.getDiagnostics()) {
      if (uri.scheme !== 'file' || !uri.fsPath.startsWith(fileUri('').fsPath)) continue;
      for (const d of diags) {
        if (d.source !== 'РРО' || !shape(d).code.startsWith('rro/')) continue;
        if (d.severity === vscode.DiagnosticSeverity.Error) errors++;
        if (d.severity === vscode.DiagnosticSeverity.Warning) warnings++;
      }
    }
    assert.ok(errors >= 2, `errors in Problems: ${errors}`);
    assert.deepEqual({ errors: result.problems.errors, warnings: result.problems.warnings }, { errors, warnings });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
