// Problems for the whole workspace: the startup scan, «проверить папку», the file watcher
// (change, delete, rename, folder delete), open documents taking over, multi-root settings,
// what a scan never enters (`.git`, `node_modules`, VS Code's `files.exclude`).
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { fileUri, FIXTURES, LspTestClient } from './client';
import { makeTempDir } from '../tempDir';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');
const BROKEN = VALID.replace('"Answered"', '"answered"');

function codes(p: PublishDiagnosticsParams): string[] {
  return p.diagnostics.map((d) => String(d.code));
}

function workspace(): { a: string; b: string } {
  const root = makeTempDir('rro-ws-');
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  const skipped = ['.git', path.join('node_modules', 'pkg'), 'hidden', path.join('sub', 'hidden')];
  for (const dir of [
    a,
    b,
    path.join(a, 'sub'),
    path.join(a, 'skip'),
    path.join(b, 'sub'),
    ...skipped.map((d) => path.join(a, d)),
  ])
    mkdirSync(dir, { recursive: true });
  for (const dir of skipped) writeFileSync(path.join(a, dir, 'bad.json'), BROKEN);
  writeFileSync(path.join(a, 'bad.json'), BROKEN);
  writeFileSync(path.join(a, 'good.json'), VALID);
  writeFileSync(path.join(a, 'sub', 'bad2.json'), BROKEN);
  writeFileSync(path.join(a, 'skip', 'bad3.json'), BROKEN);
  writeFileSync(path.join(a, 'package.json'), '{"name": "x", "version": "1.0.0",}');
  writeFileSync(path.join(b, 'bad.json'), BROKEN);
  writeFileSync(path.join(b, 'sub', 'bad.json'), BROKEN);
  return { a, b };
}

describe('workspace validation', () => {
  const { a, b } = workspace();
  let client: LspTestClient;
  // Folder a excludes skip/ (and hides hidden/ from VS Code's explorer); folder b checks
  // only sub/ and never on startup.
  let excludeInA = ['skip'];
  const settings = (scope: string | undefined, section: string | undefined): unknown =>
    section === 'files.exclude'
      ? { '**/hidden': scope === fileUri(a), '**/sub': false, '**/*.json': { when: '$(basename).ts' } }
      : scope === fileUri(b)
        ? { files: ['sub/**/*.json'], validate: { workspace: 'onCommand' } }
        : { exclude: excludeInA };
  const uri = (...p: string[]): string => fileUri(path.join(...p));
  const notify = (changes: { uri: string; type: FileChangeType }[]): Promise<void> =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });

  before(async () => {
    client = await LspTestClient.start({ pull: true, folders: [a, b], settings, progress: true });
  });
  after(async () => {
    await client.stop();
    rmSync(path.dirname(a), { recursive: true, force: true });
  });

  it('checks every matching file on startup, honouring rro.files and rro.exclude per folder', async () => {
    // The startup scan of a (b is onCommand) ends with its progress.
    await client.waitForProgressEnds(1);
    assert.deepEqual(codes(client.latestPush(uri(a, 'bad.json'))!), ['rro/status-value']);
    assert.deepEqual(codes(client.latestPush(uri(a, 'sub', 'bad2.json'))!), ['rro/status-value']);
    // A clean file has nothing to show: no notification at all.
    assert.equal(client.latestPush(uri(a, 'good.json')), undefined);
    assert.equal(client.latestPush(uri(a, 'skip', 'bad3.json')), undefined);
    assert.equal(client.latestPush(uri(a, 'package.json')), undefined);
    assert.equal(client.latestPush(uri(b, 'bad.json')), undefined);
  });

  it('never enters .git or node_modules, nor what files.exclude hides', async () => {
    await client.waitForProgressEnds(1);
    for (const dir of ['.git', path.join('node_modules', 'pkg'), 'hidden', path.join('sub', 'hidden')])
      assert.equal(client.latestPush(uri(a, dir, 'bad.json')), undefined, dir);
    const result = await client.connection.sendRequest('rro/checkFolder', { uri: fileUri(a) });
    assert.deepEqual(result, { files: 4, documents: 3, errors: 2, warnings: 0 });
    // A change inside one of them (a watcher reports every path) shows nothing either.
    await notify([{ uri: uri(a, 'node_modules', 'pkg', 'bad.json'), type: FileChangeType.Changed }]);
    await client.connection.sendRequest('rro/checkFolder', { uri: fileUri(a) });
    assert.equal(client.latestPush(uri(a, 'node_modules', 'pkg', 'bad.json')), undefined);
  });

  it('checks folder b by command, with b’s own settings', async () => {
    const result = await client.connection.sendRequest('rro/checkFolder', { uri: fileUri(b) });
    assert.deepEqual(result, { files: 1, documents: 1, errors: 1, warnings: 0 });
    assert.deepEqual(codes(client.latestPush(uri(b, 'sub', 'bad.json'))!), ['rro/status-value']);
    assert.equal(client.latestPush(uri(b, 'bad.json')), undefined);
  });

  it('follows changes, deletes and renames on disk', async () => {
    const bad = uri(a, 'bad.json');
    writeFileSync(path.join(a, 'bad.json'), VALID);
    const fixed = client.waitForPush(bad);
    await notify([{ uri: bad, type: FileChangeType.Changed }]);
    assert.deepEqual((await fixed).diagnostics, []);

    const moved = uri(a, 'moved.json');
    renameSync(path.join(a, 'sub', 'bad2.json'), path.join(a, 'moved.json'));
    const cleared = client.waitForPush(uri(a, 'sub', 'bad2.json'));
    const appeared = client.waitForPush(moved);
    await notify([
      { uri: uri(a, 'sub', 'bad2.json'), type: FileChangeType.Deleted },
      { uri: moved, type: FileChangeType.Created },
    ]);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(codes(await appeared), ['rro/status-value']);

    // A deleted folder comes as one event.
    const gone = client.waitForPush(uri(b, 'sub', 'bad.json'));
    rmSync(path.join(b, 'sub'), { recursive: true });
    await notify([{ uri: uri(b, 'sub'), type: FileChangeType.Deleted }]);
    assert.deepEqual((await gone).diagnostics, []);
  });

  it('scans a folder as soon as its settings switch to onStartup', async () => {
    // b was checked by command above; a third folder that starts with onCommand shows nothing…
    const c = path.join(path.dirname(a), 'c');
    mkdirSync(c);
    writeFileSync(path.join(c, 'bad.json'), BROKEN);
    let mode = 'onCommand';
    const third = await LspTestClient.start({
      pull: true,
      folders: [c],
      settings: () => ({ validate: { workspace: mode } }),
    });
    try {
      assert.equal(third.latestPush(uri(c, 'bad.json')), undefined);
      mode = 'onStartup';
      const shown = third.waitForPush(uri(c, 'bad.json'));
      await third.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
      assert.deepEqual(codes(await shown), ['rro/status-value']);
    } finally {
      await third.stop();
    }
  });

  it('takes files out of Problems when new settings exclude them', async () => {
    const moved = uri(a, 'moved.json');
    assert.deepEqual(codes(client.latestPush(moved)!), ['rro/status-value']);
    excludeInA = ['skip', 'moved.json'];
    const gone = client.waitForPush(moved);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await gone).diagnostics, []);
    excludeInA = ['skip'];
    const back = client.waitForPush(moved);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual(codes(await back), ['rro/status-value']);
  });

  it('hands a file over to the editor while it is open, and back when it closes', async () => {
    const moved = uri(a, 'moved.json');
    const cleared = client.waitForPush(moved);
    await client.open(moved, BROKEN);
    assert.deepEqual((await cleared).diagnostics, []);
    assert.deepEqual(
      (await client.pullDiagnostics(moved)).map((d) => String(d.code)),
      ['rro/status-value'],
    );
    const back = client.waitForPush(moved);
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: moved } });
    assert.deepEqual(codes(await back), ['rro/status-value']);
  });
});
