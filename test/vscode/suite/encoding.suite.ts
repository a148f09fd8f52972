// A Windows-1251 appeal opened in VS Code: shown with its Cyrillic intact (reopened in its own
// encoding, so even a plain save keeps it), offered a quick fix, and converted: the bytes on
// disk are then exactly the UTF-8 of the original text.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension, eventually, fileUri } from './helpers';

const TEXT = `{
  "departmentId": "30B1BE3B-BED1-49F6-AB4C-D138A81A9505",
  "format": "Other",
  "number": "Ж-2016-0047",
  "createDate": "2016-11-02",
  "name": "Ёлкина Юлия Щукина",
  "address": "г. Тестовск, ул. Примерная, д. 3",
  "questions": [
    { "code": "0015", "status": "InWork", "incomingDate": "2016-11-02", "registrationDate": "2016-11-03" }
  ]
}
`;

/** Windows-1251 by hand (no iconv here): А–я at C0–FF, Ё A8, ё B8, ASCII as is. */
function windows1251(text: string): Buffer {
  return Buffer.from(
    [...text].map((c) => {
      const u = c.codePointAt(0)!;
      if (u < 0x80) return u;
      if (u >= 0x410 && u <= 0x44f) return u - 0x410 + 0xc0;
      if (u === 0x401) return 0xa8;
      if (u === 0x451) return 0xb8;
      throw new Error(`no Windows-1251 byte for ${c}`);
    }),
  );
}

suite('encodings', () => {
  const relative = 'encoding/appeal-1251.json';
  suiteSetup(async () => {
    await activateExtension();
    fs.mkdirSync(fileUri('encoding').fsPath, { recursive: true });
    fs.writeFileSync(fileUri(relative).fsPath, windows1251(TEXT));
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    fs.rmSync(fileUri('encoding').fsPath, { recursive: true, force: true });
  });

  test('a Windows-1251 file opens with its Cyrillic intact and is converted to UTF-8 by the quick fix', async () => {
    const uri = fileUri(relative);
    const first = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(first, { preview: false });
    const document = await eventually(async () => {
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
      // the encoding is reported before the text is decoded again: wait for both
      return d?.encoding === 'windows1251' && d.getText() === TEXT ? d : undefined;
    }, 'the document reopened as windows1251 with its Cyrillic text');
    assert.equal(document.getText(), TEXT);
    const actions = await eventually(async () => {
      const all = await vscode.commands.executeCommand<vscode.CodeAction[]>(
        'vscode.executeCodeActionProvider',
        uri,
        new vscode.Range(0, 0, 0, 0),
        vscode.CodeActionKind.QuickFix.value,
      );
      const found = all?.filter((a) => a.command?.command === 'rro.convertToUtf8') ?? [];
      return found.length > 0 ? found : undefined;
    }, 'the convert-to-UTF-8 quick fix');
    const command = actions[0]!.command!;
    assert.equal(await vscode.commands.executeCommand(command.command, ...(command.arguments ?? [])), true);
    assert.deepEqual(fs.readFileSync(uri.fsPath), Buffer.from(TEXT, 'utf8'), 'the bytes are the UTF-8 of the text');
    const after = await eventually(async () => {
      const d = vscode.workspace.textDocuments.find((x) => x.uri.toString() === uri.toString());
      return d?.encoding === 'utf8' ? d : undefined;
    }, 'the document shown as UTF-8');
    assert.equal(after.getText(), TEXT);
    assert.equal(after.isDirty, false);
  });
});
