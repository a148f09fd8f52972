// «РРО: отправить в API» against the emulator (`rro serve` on a loopback port): a report with
// the expected outcome per file, and the rejection shown as a diagnostic on its file.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { SendRunResult } from '../../../server/src/send';
import type { SendReport } from '../../../server/src/send/types';
import { startEmulator, type Emulator } from './emulator';
import { activateExtension, fileUri, waitForDiagnostics } from './helpers';

suite('send command', () => {
  let emulator: Emulator | undefined;
  suiteSetup(async () => {
    await activateExtension();
    emulator = await startEmulator();
    // user (not workspace) settings: no per-host confirmation is involved
    await vscode.workspace.getConfiguration('rro').update('api.url', emulator.url, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.workspace.getConfiguration('rro').update('api.url', undefined, vscode.ConfigurationTarget.Global);
    await emulator?.stop();
  });

  test('rro.send on a folder writes a report with each file’s outcome', async () => {
    // assumeYes answers the modal questions; the extension honours it only in test mode
    const result = await vscode.commands.executeCommand<SendRunResult | undefined>(
      'rro.send',
      fileUri('appeals'),
      undefined,
      { assumeYes: true },
    );
    assert.ok(result, 'the command returned a result');
    assert.ok(fs.existsSync(result.jsonPath), result.jsonPath);
    assert.ok(result.jsonPath.startsWith(path.join(fileUri('').fsPath, '.rro', 'reports')), result.jsonPath);
    const report = JSON.parse(fs.readFileSync(result.jsonPath, 'utf8')) as SendReport;
    assert.equal(report.state, 'finished');
    const outcome = Object.fromEntries(
      report.files.map((f) => [path.basename(f.path), [f.status, f.httpStatus ?? f.reason]]),
    );
    assert.deepEqual(outcome, {
      'a26-result.json': ['rejected', 500],
      'answered.json': ['accepted', 204],
      'in-work.json': ['accepted', 204],
      'quick-fix.json': ['skipped', 'gate-errors'],
      'status-typo.json': ['skipped', 'gate-errors'],
    });
    assert.deepEqual(
      { ...report.totals },
      { accepted: 2, rejected: 1, failed: 0, unknown: 0, skipped: 2, 'not-sent': 0 },
    );
  });

  test('the rejected file carries rro/api-rejected on the document', async () => {
    const target = fileUri('appeals/a26-result.json');
    const diags = await waitForDiagnostics(
      target,
      (d) => d.some((x) => x.code === 'rro/api-rejected'),
      'rro/api-rejected',
    );
    assert.deepEqual(
      diags.map((d) => d.code),
      ['rro/api-rejected'],
    );
  });
});
