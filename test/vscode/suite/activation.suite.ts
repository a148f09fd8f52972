// The extension activates in a workspace with РРО files and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, EXTENSION_ID, folder } from './helpers';

suite('activation', () => {
  test('the fixture workspace is open', () => {
    assert.equal(vscode.workspace.workspaceFolders?.length, 1);
    assert.ok(folder().uri.path.includes('/ws-'), folder().uri.toString());
  });

  test('the extension activates by itself on a workspace with РРО files', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `${EXTENSION_ID} is loaded`);
    // activation comes from the manifest's activation events, not from this test
    await eventually(async () => (ext.isActive ? true : undefined), 'activation');
    await activateExtension();
  });

  test('activation reports its own duration (printed, not judged: speed lives in benchmarks)', async () => {
    const api = (await activateExtension()).exports as { activationMs?: number };
    assert.equal(typeof api.activationMs, 'number');
    console.log(`rro activation took ${api.activationMs!.toFixed(1)} ms`);
  });

  test('every command in the manifest is registered', async () => {
    await activateExtension();
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    const contributes = (ext?.packageJSON as { contributes?: { commands?: { command: string }[] } }).contributes;
    const declared = (contributes?.commands ?? []).map((c) => c.command);
    const registered = new Set(await vscode.commands.getCommands(true));
    for (const id of declared) assert.ok(registered.has(id), `${id} is registered`);
  });
});
