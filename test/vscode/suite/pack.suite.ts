// «РРО: упаковать папку в ZIP» from the command (the dialogs answered through its options):
// the archive passes `unzip -t` and Python's zipfile, and holds exactly the valid documents.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { PackResult } from '../../../server/src/archive/pack';
import { pythonZipNames, run } from './archive';
import { activateExtension, fileUri } from './helpers';

suite('pack command', () => {
  suiteSetup(activateExtension);
  let outDir = '';
  setup(() => (outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-pack-'))));
  teardown(() => fs.rmSync(outDir, { recursive: true, force: true }));

  test('rro.packFolder with only-valid writes a ZIP that unzip -t and zipfile accept', async () => {
    const output = path.join(outDir, 'appeals.zip');
    const result = await vscode.commands.executeCommand<PackResult | undefined>('rro.packFolder', fileUri('appeals'), {
      output,
      errors: 'only-valid',
    });
    assert.ok(result, 'the command returned a result');
    assert.equal(result.status, 'packed');
    assert.deepEqual(result.withErrors.map((f) => path.basename(f.path)).sort(), [
      'quick-fix.json',
      'status-typo.json',
    ]);
    assert.equal(result.parts.length, 1);
    const zip = result.parts[0]!.path;
    assert.ok(fs.existsSync(zip), zip);
    const unzip = await run('unzip', ['-t', zip]);
    assert.equal(unzip.code, 0, `unzip -t: ${unzip.stdout}${unzip.stderr}`);
    assert.match(unzip.stdout, /No errors detected/);
    const names = (await pythonZipNames(zip)).map((n) => path.posix.basename(n)).sort();
    assert.deepEqual(names, ['a26-result.json', 'answered.json', 'in-work.json']);
  });

  test('packing the same folder twice gives byte-identical archives', async () => {
    const pack = async (name: string): Promise<Buffer> => {
      const result = await vscode.commands.executeCommand<PackResult | undefined>(
        'rro.packFolder',
        fileUri('appeals'),
        { output: path.join(outDir, name), errors: 'only-valid' },
      );
      assert.equal(result?.parts.length, 1);
      return fs.readFileSync(result!.parts[0]!.path);
    };
    const first = await pack('first.zip');
    const second = await pack('second.zip');
    assert.ok(first.equals(second), 'same bytes');
  });
});
