// The extension activates in a workspace with РРО files and registers its commands.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension, eventually, EXTENSION_ID, folder } from './helpers';

/** The harness loads copies of this empty extension beside ours (harness/minimalExtension.ts). */
const MINIMAL_ID = 'rro-tools.rro-minimal';

interface ActivationTimes {
  load: number;
  call: number;
  finish: number;
}

/**
 * VS Code's own activation figures, from its «Startup Performance» page (the same numbers
 * «Running Extensions» shows as load code + call activate): the `perf:` document's table.
 */
async function activationTimes(): Promise<Map<string, ActivationTimes>> {
  // the page's content provider exists once its command has run (a lazy workbench contribution)
  await vscode.commands.executeCommand('perfview.show');
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'perf', path: 'Startup Performance' }));
  const text = doc.getText();
  const table = text.slice(text.indexOf('Extension Activation Stats'));
  const times = new Map<string, ActivationTimes>();
  for (const line of table.split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    // | id | eager | load code | call activate | finish activate | event | by |
    const [, id, , load, call, finish] = cells;
    if (!id || !/^[\w-]+\.[\w-]+$/.test(id) || !/^\d+$/.test(load ?? '')) continue;
    times.set(id.toLowerCase(), { load: Number(load), call: Number(call), finish: Number(finish) });
  }
  return times;
}

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
    const api = (await activateExtension()).exports as { activationMs?: number; phases?: Record<string, number> };
    assert.equal(typeof api.activationMs, 'number');
    console.log(
      `rro activation took ${api.activationMs!.toFixed(1)} ms (activation phases: ${JSON.stringify(api.phases)})`,
    );
  });

  test('activation as VS Code reports it, beside a minimal extension in the same run', async () => {
    await activateExtension();
    // every copy of the minimal extension the harness installed (rro-minimal, rro-minimal-2, …)
    const minimals = vscode.extensions.all.filter((e) => e.id.toLowerCase().startsWith(MINIMAL_ID));
    for (const m of minimals) await eventually(async () => (m.isActive ? true : undefined), m.id);
    const ids = minimals.map((m) => m.id.toLowerCase());
    const times = await eventually(async () => {
      const t = await activationTimes();
      return t.has(EXTENSION_ID) && ids.every((id) => t.has(id)) ? t : undefined;
    }, 'activation figures on the Startup Performance page');
    await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    const ours = times.get(EXTENSION_ID)!;
    const line = (name: string, t: ActivationTimes): string =>
      `${name}: ${t.load + t.call} ms (load code ${t.load} ms + call activate ${t.call} ms; activate resolved after ${t.finish} ms)`;
    console.log(`activation (VS Code's figures) ${line('rro-tools', ours)}`);
    if (ids.length === 0) return;
    for (const id of ids)
      console.log(`activation (VS Code's figures) ${line(`minimal extension ${id}`, times.get(id)!)}`);
    // VS Code counts whole ms and activates each extension once per run: the baseline is the
    // median of the copies (at least 1 ms, the resolution), the noise floor the slowest copy
    const sums = ids.map((id) => times.get(id)!.load + times.get(id)!.call).sort((a, b) => a - b);
    const median = Math.max(1, sums[Math.floor((sums.length - 1) / 2)]!);
    const ratio = (ours.load + ours.call) / median;
    const noise = Math.max(1, sums[sums.length - 1]!) / median;
    console.log(
      `activation ratio rro-tools / minimal (median of ${sums.length}): ${ratio.toFixed(2)} (target ≤ 1.5×) ${ratio <= 1.5 ? 'ok' : 'MISSED'}; noise floor (slowest minimal / median) ${noise.toFixed(2)}`,
    );
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
