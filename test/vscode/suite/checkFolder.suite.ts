// «РРО: проверить папку» fills Problems for files that were never opened. The fixture workspace
// sets rro.validate.workspace to onCommand, so nothing but the command checks them.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, fileUri, shapes, waitForDiagnostics } from './helpers';

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
});
