// Paths in `rro check` output are the user's: a folder typed `./in/` gives `./in/x.json`, an
// absolute one absolute paths, so terminals and problem matchers open what the user named.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { appealWith, TempDir } from './helpers/cases';
import { runCli } from './helpers/runCli';

const tmp = new TempDir();
after(() => tmp.remove());
tmp.write('in/sub/bad.json', appealWith({ status: 'Inwork' }));

test('a folder is shown as typed, with its files below it', async () => {
  const cases: [string, string][] = [
    ['./in/', './in/sub/bad.json'],
    ['./in', './in/sub/bad.json'],
    ['in', 'in/sub/bad.json'],
    ['in/sub/', 'in/sub/bad.json'],
    [tmp.path('in'), path.join(tmp.root, 'in', 'sub', 'bad.json')],
  ];
  for (const [typed, shown] of cases) {
    const r = await runCli(['check', '--format', 'json', typed], { cwd: tmp.root });
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as { files: { path: string }[] };
    assert.deepEqual(
      report.files.map((f) => f.path.split(path.sep).join('/')),
      [shown.split(path.sep).join('/')],
      typed,
    );
    const text = await runCli(['check', typed], { cwd: tmp.root });
    assert.ok(text.stdout.startsWith(`${shown}:`), `${typed}: ${text.stdout}`);
  }
});
