// `npm test`: every *.test.js under out/test through node's test runner, so CI reads one
// summary. The VS Code suite is one of those files (test/vscode/); `--no-vscode` skips it.
'use strict';
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.join(__dirname, '..', 'out', 'test');
const skipVscode = process.argv.includes('--no-vscode');
const files = [];
(function walk(dir) {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!(skipVscode && e.name === 'vscode')) walk(p);
    } else if (e.name.endsWith('.test.js')) files.push(p);
  }
})(root);
if (files.length === 0) {
  console.error('no test files under out/test — run `npm run build` first');
  process.exit(1);
}
// Every test removes what it creates: the run gets a TMPDIR of its own, and anything left
// in it afterwards fails the run (and is removed).
const tmp = fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'rro-test-run-'));
const r = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], {
  stdio: 'inherit',
  env: { ...process.env, TMPDIR: tmp },
});
const left = fs.readdirSync(tmp);
fs.rmSync(tmp, { recursive: true, force: true });
if (left.length > 0) {
  console.error(`tests left ${left.length} item(s) in TMPDIR: ${left.slice(0, 10).join(', ')}`);
  process.exit(1);
}
process.exit(r.status ?? 1);
