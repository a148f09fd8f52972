// The report for people: a send report from rro.api.reportDir opened in the report view —
// counts by state in words, every file with the server's message, «Повторить» for what was not
// accepted, and states this version does not know shown as they are.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { activateExtension, eventually, fileUri } from './helpers';

interface ShownReport {
  title: string;
  html: string;
  retry: number;
}

suite('report view', () => {
  let dir = '';
  const api = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('rro.api');
  suiteSetup(async () => {
    await activateExtension();
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rro-report-view-'));
    await api().update('reportDir', dir, vscode.ConfigurationTarget.Global);
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await api().update('reportDir', undefined, vscode.ConfigurationTarget.Global);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the latest report opens with counts, files, the server’s message and Retry', async () => {
    const file = (name: string): string => fileUri(`appeals/${name}`).fsPath;
    const report = {
      format: 'rro-send-report',
      version: 1,
      url: 'http://127.0.0.1:9/IPCP',
      startedAt: '2026-12-02T14:05:00.000Z',
      finishedAt: '2026-12-02T14:05:09.000Z',
      state: 'finished',
      journal: 'x.journal.jsonl',
      files: [
        { file: 'appeals/answered.json', path: file('answered.json'), status: 'accepted', attempts: 1, sha256: '' },
        {
          file: 'appeals/a26-result.json',
          path: file('a26-result.json'),
          status: 'rejected',
          httpStatus: 500,
          message: 'Неверный код <вопроса>\u202e',
          attempts: 1,
          sha256: '',
        },
        { file: 'appeals/in-work.json', path: file('in-work.json'), status: 'unknown', attempts: 1, sha256: '' },
        { file: 'appeals/quick-fix.json', path: file('quick-fix.json'), status: 'not-sent', attempts: 0, sha256: '' },
      ],
    };
    fs.writeFileSync(path.join(dir, 'send-2026-12-02T14-05-00.json'), JSON.stringify(report));
    const shown = await vscode.commands.executeCommand<ShownReport | undefined>('rro.showReport');
    assert.ok(shown, 'the report view opened');
    assert.equal(shown.retry, 3, 'rejected, unknown and not-sent are offered for retry');
    assert.match(shown.html, /id="retry"/);
    for (const name of ['answered.json', 'a26-result.json', 'in-work.json', 'quick-fix.json'])
      assert.ok(shown.html.includes(name), name);
    // the server's text is escaped: no markup, no bidi override
    assert.ok(shown.html.includes('Неверный код &#60;вопроса&#62;\\u202e'), 'the message, escaped');
    assert.ok(!shown.html.includes('2026-12-02T14:05'), 'no ISO timestamps: local times');
    const tab = await eventually(
      async () =>
        vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview),
      'a webview tab',
    );
    assert.equal(tab.label, shown.title);
  });

  test('a status check’s result is kept in the report folder and shown', async () => {
    const result = {
      log: 'present',
      ok: false,
      rows: [
        {
          file: 'appeals/answered.json',
          path: fileUri('appeals/answered.json').fsPath,
          sent: 'accepted',
          platform: 'uploaded',
          uploadDate: '2026-12-02T15:00:00Z',
        },
        {
          file: 'appeals/in-work.json',
          path: fileUri('appeals/in-work.json').fsPath,
          sent: 'unknown',
          platform: 'failed-later',
          exceptionMessage: 'Вопрос 0015 не найден',
        },
      ],
    };
    const shown = await vscode.commands.executeCommand<ShownReport | undefined>('rro.showReport', result);
    assert.ok(shown, 'the status view opened');
    assert.ok(shown.html.includes('Вопрос 0015 не найден'));
    assert.ok(!shown.html.includes('2026-12-02T15:00'), 'local times');
    const kept = fs.readdirSync(dir).filter((n) => n.startsWith('status-') && n.endsWith('.json'));
    assert.equal(kept.length, 1, 'kept in the report folder');
    const saved = JSON.parse(fs.readFileSync(path.join(dir, kept[0]!), 'utf8')) as { files: { status: string }[] };
    assert.deepEqual(
      saved.files.map((f) => f.status),
      ['uploaded', 'failed-later'],
    );
  });
});
