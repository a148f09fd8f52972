// «РРО: найти орган» writes the GUID where it belongs: as the value of the `departmentId` at
// the cursor (here a question's transfer), as a new property of an appeal that lacks one, and
// on the clipboard outside any object. The emulator (`rro serve`) answers SearchDepartments.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { startEmulator, type Emulator } from './emulator';
import { activateExtension, eventually, positionOf } from './helpers';

const DEPARTMENT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';
const OTHER = '11111111-2222-4333-8444-555555555555';

interface Placed {
  id: string;
  placed: string;
}

async function findAt(content: string, at: (doc: vscode.TextDocument) => vscode.Position): Promise<[Placed, string]> {
  const doc = await vscode.workspace.openTextDocument({ language: 'json', content });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await eventually(
    async () => (vscode.window.activeTextEditor?.document === doc ? true : undefined),
    'the new document is the active editor',
  );
  const position = at(doc);
  editor.selection = new vscode.Selection(position, position);
  const found = await vscode.commands.executeCommand<Placed | undefined>('rro.findDepartment', 'никольское');
  assert.ok(found, 'a department was found');
  const text = doc.getText();
  await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  return [found, text];
}

suite('find department: where the GUID goes', () => {
  let emulator: Emulator;
  let dir = '';
  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-departments-'));
    const departments = path.join(dir, 'departments.json');
    fs.writeFileSync(departments, JSON.stringify([{ id: DEPARTMENT, name: 'Калужская область / Никольское' }]));
    emulator = await startEmulator(['--departments', departments]);
    await vscode.workspace.getConfiguration('rro.api').update('url', emulator.url, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('rro.api').update('url', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('on a value: the transfer’s departmentId is replaced, the appeal’s kept', async () => {
    const appeal = {
      departmentId: OTHER,
      format: 'Other',
      number: 'Ж-1',
      questions: [
        {
          code: '0015',
          status: 'Transferred',
          transfer: { departmentId: 'не тот', transferDate: '2016-11-04', transferNumber: '12' },
        },
      ],
    };
    const [found, text] = await findAt(JSON.stringify(appeal, null, 2), (d) => positionOf(d, '"не тот"', 3));
    assert.equal(found.placed, 'replace');
    const after = JSON.parse(text) as typeof appeal;
    assert.equal(after.questions[0]?.transfer.departmentId, DEPARTMENT);
    assert.equal(after.departmentId, OTHER);
    assert.deepEqual({ ...after, questions: [] }, { ...appeal, questions: [] });
  });

  test('on an object without departmentId: the property is inserted, the file stays valid JSON', async () => {
    const appeal = { format: 'Other', number: 'Ж-1', createDate: '2016-11-02' };
    const [found, text] = await findAt(JSON.stringify(appeal, null, 2), (d) => positionOf(d, '"number"', 2));
    assert.equal(found.placed, 'insert');
    assert.deepEqual(JSON.parse(text), { ...appeal, departmentId: DEPARTMENT });
  });

  test('outside any object: the text is untouched and the GUID is copied', async () => {
    const content = '{ "format": "Other" }\n\n';
    const [found, text] = await findAt(content, (d) => d.positionAt(content.length));
    assert.equal(found.placed, 'copied');
    assert.equal(text, content);
    const clipboard = await Promise.resolve(vscode.env.clipboard.readText()).catch(() => '');
    // a headless browser may deny clipboard reads; when it answers, it holds the GUID
    if (clipboard) assert.equal(clipboard, DEPARTMENT);
  });
});
