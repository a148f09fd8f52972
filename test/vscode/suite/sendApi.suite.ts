// «РРО: отправить в API», «РРО: повторить неотправленные» and «РРО: найти орган» against the
// emulator (`rro serve` from dist/, started here with a departments file). The modal questions
// are skipped through the commands' `assumeYes` option, which the extension honours only in its
// test mode; «найти орган» gets its query as an argument. Settings go to user (global) scope and
// reports to a temporary folder, so the fixture workspace's files stay untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendRunResult, StatusResult } from '../../../server/src/send';
import { startEmulator, type Emulator } from './emulator';
import { activateExtension, fileUri, shapes, waitForDiagnostics } from './helpers';

const DEPARTMENT = '30B1BE3B-BED1-49F6-AB4C-D138A81A9505';

suite('send command: reports, retry, departments', () => {
  let emulator: Emulator;
  let reportDir = '';
  const api = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('rro.api');

  suiteSetup(async () => {
    await activateExtension();
    reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-send-reports-'));
    const departments = path.join(reportDir, 'departments.json');
    fs.writeFileSync(
      departments,
      JSON.stringify([{ id: DEPARTMENT, name: 'Калужская область / Никольское сельское поселение' }]),
    );
    emulator = await startEmulator(['--departments', departments]);
    await api().update('url', `${emulator.url}/IPCP`, vscode.ConfigurationTarget.Global);
    await api().update('reportDir', reportDir, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await api().update('url', undefined, vscode.ConfigurationTarget.Global);
    await api().update('reportDir', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
    fs.rmSync(reportDir, { recursive: true, force: true });
  });

  test('rro.send into rro.api.reportDir; the А26 rejection sits on the document’s opening brace', async () => {
    const result = await vscode.commands.executeCommand<SendRunResult | undefined>(
      'rro.send',
      fileUri('appeals'),
      undefined,
      { assumeYes: true },
    );
    assert.ok(result, 'the command returned its result');
    const status = Object.fromEntries(result.report.files.map((f) => [path.basename(f.path), f.status]));
    assert.deepEqual(status, {
      'a26-result.json': 'rejected',
      'answered.json': 'accepted',
      'in-work.json': 'accepted',
      'quick-fix.json': 'skipped',
      'status-typo.json': 'skipped',
    });
    assert.ok(fs.existsSync(result.jsonPath) && fs.existsSync(result.mdPath));
    assert.ok(result.jsonPath.startsWith(reportDir));
    const rejected = fileUri('appeals/a26-result.json');
    const diags = await waitForDiagnostics(
      rejected,
      (d) => d.some((x) => x.code === 'rro/api-rejected'),
      'the rejection diagnostic',
    );
    assert.deepEqual(
      diags.filter((d) => d.code === 'rro/api-rejected'),
      [{ code: 'rro/api-rejected', range: [0, 0, 0, 1] }],
    );
    assert.deepEqual(
      shapes(fileUri('appeals/answered.json')).filter((d) => d.code === 'rro/api-rejected'),
      [],
    );
  });

  test('rro.sendRetry sends only what was not accepted', async () => {
    const result = await vscode.commands.executeCommand<SendRunResult | undefined>('rro.sendRetry', undefined, {
      assumeYes: true,
    });
    assert.ok(result);
    const rows = Object.fromEntries(
      result.report.files.map((f) => [path.basename(f.path), [f.status, f.reason ?? '', f.attempts]]),
    );
    assert.deepEqual(rows['answered.json'], ['accepted', 'already-accepted', 1]);
    assert.deepEqual(rows['in-work.json'], ['accepted', 'already-accepted', 1]);
    assert.deepEqual(rows['a26-result.json']?.[0], 'rejected');
    assert.ok(result.report.resumedFrom?.startsWith(reportDir));
  });

  test('rro.status reads the request log for the latest report: the accepted appeals are known to the platform', async () => {
    const result = await vscode.commands.executeCommand<StatusResult | undefined>('rro.status');
    assert.ok(result, 'the command returned its result');
    assert.equal(result.log, 'present');
    const rows = Object.fromEntries(result.rows.map((r) => [path.basename(r.path), r.platform]));
    assert.deepEqual(Object.keys(rows).sort(), ['answered.json', 'in-work.json']);
    for (const state of Object.values(rows)) assert.ok(['received', 'dispatched', 'uploaded'].includes(state), state);
    assert.equal(result.ok, true);
  });

  test('rro.findDepartment inserts the GUID of the department found at the cursor', async () => {
    const doc = await vscode.workspace.openTextDocument({ language: 'json', content: '{"departmentId": ""}' });
    const editor = await vscode.window.showTextDocument(doc);
    editor.selection = new vscode.Selection(0, 18, 0, 18);
    const found = await vscode.commands.executeCommand<{ id: string; name: string } | undefined>(
      'rro.findDepartment',
      'никольское',
    );
    assert.equal(found?.id, DEPARTMENT);
    assert.equal(doc.getText(), `{"departmentId": "${DEPARTMENT}"}`);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});

suite('no-appeals report command', () => {
  suiteSetup(activateExtension);

  test('rro.nullReport writes the spec §7 layout for an ended month and refuses the current one', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-null-'));
    try {
      const output = vscode.Uri.file(path.join(dir, 'null.json'));
      const written = await vscode.commands.executeCommand<vscode.Uri | undefined>('rro.nullReport', {
        departmentId: DEPARTMENT,
        year: 2025,
        month: 10,
        output,
      });
      assert.equal(written?.fsPath, output.fsPath);
      assert.deepEqual(JSON.parse(fs.readFileSync(output.fsPath, 'utf8')), {
        departmentId: DEPARTMENT,
        year: 2025,
        month: 10,
      });
      const now = new Date();
      const current = await vscode.commands.executeCommand<vscode.Uri | undefined>('rro.nullReport', {
        departmentId: DEPARTMENT,
        year: now.getUTCFullYear(),
        month: now.getUTCMonth() + 1,
        output: vscode.Uri.file(path.join(dir, 'current.json')),
      });
      assert.equal(current, undefined);
      assert.ok(!fs.existsSync(path.join(dir, 'current.json')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
