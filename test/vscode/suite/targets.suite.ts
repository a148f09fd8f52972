// Where the data goes: «РРО: выбрать сервер» switches between named targets (rro.api.targets)
// and the emulator on this computer, writes rro.api.url, refuses an unusable address, and the
// emulator it starts answers on loopback.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

interface Choice {
  url: string;
  label: string;
}

suite('API targets', () => {
  const api = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('rro.api');
  suiteSetup(async () => {
    await activateExtension();
    await api().update(
      'targets',
      [
        { name: 'Боевой', url: 'http://172.16.10.200/IPCP' },
        { name: 'Тестовый', url: 'http://127.0.0.2:9/IPCP' },
      ],
      vscode.ConfigurationTarget.Global,
    );
  });
  suiteTeardown(async () => {
    await api().update('targets', undefined, vscode.ConfigurationTarget.Global);
    await api().update('url', undefined, vscode.ConfigurationTarget.Global);
  });

  test('a named target becomes rro.api.url and is shown by its name', async () => {
    const choice = await vscode.commands.executeCommand<Choice | undefined>('rro.selectTarget', 'Боевой');
    assert.deepEqual(choice, { url: 'http://172.16.10.200/IPCP', label: 'Боевой' });
    assert.equal(api().get('url'), 'http://172.16.10.200/IPCP');
    const other = await vscode.commands.executeCommand<Choice | undefined>('rro.selectTarget', 'Тестовый');
    assert.equal(other?.url, 'http://127.0.0.2:9/IPCP');
    assert.equal(api().get('url'), 'http://127.0.0.2:9/IPCP');
  });

  test('an unusable address is refused and the setting kept', async () => {
    const before = api().get('url');
    assert.equal(await vscode.commands.executeCommand('rro.selectTarget', 'ftp://172.16.10.200'), undefined);
    assert.equal(api().get('url'), before);
  });

  test('the emulator target starts rro serve on loopback and answers', async () => {
    const choice = await vscode.commands.executeCommand<Choice | undefined>('rro.selectTarget', 'emulator');
    assert.ok(choice, 'the emulator was chosen');
    assert.match(choice.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(choice.label, vscode.env.language.startsWith('ru') ? 'эмулятор' : 'emulator');
    const answer = await fetch(
      `${choice.url}/HandlingReportPlugin/Api/SearchDepartments?name=${encodeURIComponent('никольское')}`,
    );
    assert.ok(answer.status < 500, `the emulator answered ${answer.status}`);
  });
});
