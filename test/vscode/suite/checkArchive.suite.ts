// «РРО: проверить ZIP-архив»: an archive packed with its errors (errors: 'allow') is checked
// entry by entry; the problems land in Problems on read-only rro-zip: documents that open
// the entry itself. Also what packing leaves out, and why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PackResult } from '../../../server/src/archive/pack';
import { run } from './archive';
import { activateExtension, fileUri, shape } from './helpers';

suite('check archive command', () => {
  suiteSetup(activateExtension);
  let outDir = '';
  setup(() => (outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-check-archive-'))));
  teardown(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('rro.packFolder only-valid lists the file with errors as left out', async () => {
    const output = path.join(outDir, 'batch.zip');
    const result = await vscode.commands.executeCommand<PackResult | undefined>('rro.packFolder', fileUri('batch'), {
      output,
      errors: 'only-valid',
    });
    assert.equal(result?.status, 'packed');
    assert.deepEqual(result.packed, ['null-report.json']);
    assert.deepEqual(
      result.leftOut.map((l) => [l.path, l.reason]),
      [['in-work-bad-date.json', 'has-errors']],
    );
    assert.deepEqual(fs.readdirSync(outDir), ['batch.zip']);
  });

  test("rro.checkArchive puts each entry's problems in Problems on rro-zip: documents", async () => {
    const output = path.join(outDir, 'all.zip');
    const packed = await vscode.commands.executeCommand<PackResult | undefined>('rro.packFolder', fileUri('batch'), {
      output,
      errors: 'allow',
    });
    assert.deepEqual(packed?.packed, ['in-work-bad-date.json', 'null-report.json']);
    const unzip = await run('unzip', ['-t', output]);
    assert.equal(unzip.code, 0, unzip.stdout + unzip.stderr);
    const summary = await vscode.commands.executeCommand<{ entries: number; errors: number } | undefined>(
      'rro.checkArchive',
      vscode.Uri.file(output),
    );
    assert.equal(summary?.entries, 2);
    assert.ok(summary.errors >= 1);
    const entries = vscode.languages
      .getDiagnostics()
      .filter(([uri]) => uri.scheme === 'rro-zip' && uri.query === output);
    const bad = entries.find(([uri]) => uri.path.endsWith('/in-work-bad-date.json'));
    assert.ok(bad, 'the entry with errors has diagnostics');
    assert.ok(bad[1].map(shape).some((d) => d.code === 'rro/date-invalid'));
    const doc = await vscode.workspace.openTextDocument(bad[0]);
    assert.match(doc.getText(), /"2016-13-02"/, 'the entry opens with its own text');
  });
});
