// «РРО: отправить в API» and «РРО: повторить неотправленные» against the emulator (`rro serve`
// from dist/). The modal questions are skipped through the command's `assumeYes` option, which
// the extension honours only in its test mode. Settings go to user (global) scope so the fixture
// workspace's files stay untouched.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendRunResult } from '../../../server/src/send';
import { startEmulator, type Emulator } from './emulator';
import { activateExtension, fileUri, shapes, waitForDiagnostics } from './helpers';

suite('send command', () => {
  let emulator: Emulator;
  let reportDir = '';
  const api = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('rro.api');

  suiteSetup(async () => {
    await activateExtension();
    emulator = await startEmulator();
    reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-send-reports-'));
    await api().update('url', `${emulator.url}/IPCP`, vscode.ConfigurationTarget.Global);
    await api().update('reportDir', reportDir, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await api().update('url', undefined, vscode.ConfigurationTarget.Global);
    await api().update('reportDir', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
    fs.rmSync(reportDir, { recursive: true, force: true });
  });

  test('rro.send on a folder: valid files accepted, files with errors skipped, the А26 rejection as a diagnostic', async () => {
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
});
