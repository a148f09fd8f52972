// «Форма обращения»: the custom editor over an appeal, driven through the command that posts
// what the webview would post. The text on disk after saving is what the assertions read.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, eventually, fileUri } from './helpers';

interface FieldShape {
  pointer: string;
  removePath?: unknown;
}
interface StateShape {
  view: {
    ok: boolean;
    fields: (FieldShape & { value: string })[];
    questions: { fields: FieldShape[] }[];
    unknown: string[];
  };
  diagnostics: { pointer: string; rule: string; fixes: { id: number; title: string }[] }[];
  /** What the webview's script reported drawing. */
  painted?: { controls: number; diagnosticsAt: string[] };
  firstPaintMs?: number;
}

const FOLDER = 'form-tmp';
const RELATIVE = `${FOLDER}/appeal.json`;
const LATIN_A = `${FOLDER}/latin-a.json`;
const TEXT = `{
    "departmentId": "30B1BE3B-BED1-49F6-AB4C-D138A81A9505",
    "format": "Other",
    "number": "Ж-2016-0077",
    "createDate": "2016-11-02",
    "name": "Тест",
    "address": "Тест",
    "x-local-note": {"keep": [1, 2]},
    "questions": [
        {
            "code": "0015",
            "status": "NotRegistered",
            "incomingDate": "2016-11-02"
        }
    ]
}
`;

function state(uri: vscode.Uri): Promise<StateShape | undefined> {
  return Promise.resolve(vscode.commands.executeCommand<StateShape | undefined>('rro.form.stateForTest', uri));
}

function questionPointers(s: StateShape): string[] {
  return (s.view.questions[0]?.fields ?? []).filter((f) => !f.removePath).map((f) => f.pointer);
}

suite('appeal form', () => {
  suiteSetup(async () => {
    await activateExtension();
    fs.mkdirSync(fileUri(FOLDER).fsPath, { recursive: true });
    fs.writeFileSync(fileUri(RELATIVE).fsPath, TEXT);
    fs.writeFileSync(fileUri(LATIN_A).fsPath, TEXT.replace('Ж-2016-0077', 'A26-00-000000002'));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(fileUri(FOLDER).fsPath, { recursive: true, force: true });
  });

  test('a status change shows its fields; filling one saves minimal, valid JSON; undo restores', async () => {
    const uri = fileUri(RELATIVE);
    await vscode.commands.executeCommand('rro.openForm', uri);
    const first = await eventually(async () => {
      const s = await state(uri);
      return s?.view.ok && s.painted && s.painted.controls > 0 ? s : undefined;
    }, 'the form for the appeal, drawn by the webview');
    console.log(`form first paint: ${Math.round(first.firstPaintMs ?? -1)} ms after the editor opened`);
    assert.deepEqual(questionPointers(first), [
      '/questions/0/code',
      '/questions/0/status',
      '/questions/0/incomingDate',
    ]);
    assert.deepEqual(first.view.unknown, ['x-local-note']);

    const apply = (message: unknown): Thenable<boolean> =>
      vscode.commands.executeCommand<boolean>('rro.form.applyForTest', uri, message);
    assert.equal(await apply({ type: 'set', path: ['questions', 0, 'status'], value: 'InWork' }), true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(document, 'the form edits the text document');
    assert.ok(document.isDirty, 'an edit from the form makes the document dirty');
    const afterStatus = await state(uri);
    assert.ok(afterStatus);
    assert.deepEqual(questionPointers(afterStatus), [
      '/questions/0/code',
      '/questions/0/status',
      '/questions/0/incomingDate',
      '/questions/0/registrationDate',
    ]);
    // the engine reports the registration date InWork requires, at its field
    await eventually(async () => {
      const s = await state(uri);
      const required = s?.diagnostics.some((d) => d.pointer.startsWith('/questions/0') && d.rule === 'rro/required');
      const drawn = s?.painted?.diagnosticsAt.some((p) => p.startsWith('/questions/0'));
      return required && drawn ? s : undefined;
    }, 'a rro/required diagnostic drawn on the question card');

    assert.equal(await apply({ type: 'set', path: ['questions', 0, 'registrationDate'], value: '2016-11-03' }), true);
    assert.equal(await document.save(), true);
    const onDisk = fs.readFileSync(uri.fsPath, 'utf8');
    const parsed = JSON.parse(onDisk) as { questions: Record<string, string>[]; 'x-local-note': unknown };
    assert.equal(parsed.questions[0]?.status, 'InWork');
    assert.equal(parsed.questions[0]?.registrationDate, '2016-11-03');
    assert.deepEqual(parsed['x-local-note'], { keep: [1, 2] });
    // only the two values changed: the rest of the text is byte for byte the same
    const expected = TEXT.replace('"NotRegistered"', '"InWork"').replace(
      '"incomingDate": "2016-11-02"',
      '"incomingDate": "2016-11-02",\n            "registrationDate": "2016-11-03"',
    );
    assert.equal(onDisk, expected);
    await waitForClean(uri);

    // undo is VS Code's: the same document in a text editor undoes the form's last edit
    await vscode.window.showTextDocument(document, { preview: false });
    await vscode.commands.executeCommand('undo');
    await eventually(
      async () => (!document.getText().includes('registrationDate') ? true : undefined),
      'the registration date undone',
    );
    assert.ok(document.getText().includes('"InWork"'));
    assert.equal(await document.save(), true);
  });

  test('a text edit shows in the form; a quick fix runs from the form', async () => {
    const uri = fileUri(LATIN_A);
    await vscode.commands.executeCommand('rro.openForm', uri);
    const withFix = await eventually(async () => {
      const s = await state(uri);
      const d = s?.diagnostics.find((x) => x.rule === 'rro/number-latin-a' && x.fixes.length > 0);
      return s?.painted && d ? d : undefined;
    }, 'the Latin-A diagnostic with its quick fix');
    assert.equal(withFix.pointer, '/number');
    const fix = withFix.fixes[0];
    assert.ok(fix);
    assert.equal(await vscode.commands.executeCommand('rro.form.applyForTest', uri, { type: 'fix', id: fix.id }), true);
    const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri.toString());
    assert.ok(document);
    assert.ok(document.getText().includes('"А26-00-000000002"'), 'Cyrillic А after the fix');

    const edit = new vscode.WorkspaceEdit();
    const at = document.getText().indexOf('"Other"');
    edit.replace(uri, new vscode.Range(document.positionAt(at), document.positionAt(at + 7)), '"Electronic"');
    assert.equal(await vscode.workspace.applyEdit(edit), true);
    const after = await state(uri);
    assert.equal(after?.view.fields.find((f) => f.pointer === '/format')?.value, 'Electronic');
    assert.deepEqual(after?.view.unknown, ['x-local-note']);
    // saved, not reverted: the folder is removed after the suite, and nothing asks to save
    assert.equal(await document.save(), true);
  });
});

async function waitForClean(uri: vscode.Uri): Promise<void> {
  await eventually(async () => {
    const s = await state(uri);
    return s && !s.diagnostics.some((d) => d.rule === 'rro/required') ? true : undefined;
  }, 'no rro/required diagnostic after filling the field');
}
