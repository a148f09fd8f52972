// Diagnostics through the real server: pull and push, rule ids and ranges, stale versions,
// and nothing at all for JSON files that are not RRO documents.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { after, before, describe, it } from 'node:test';
import { PUSH_DELAY_MS } from '../../server/src/lsp/diagnosticsFeature';
import { CLI, FIXTURES, LspTestClient } from './client';
import { find } from './text';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');
// A status in the wrong letter case and a trailing comma.
const BROKEN = VALID.replace('"Answered"', '"answered"').replace('}\n  ]', '},\n  ]');
const BROKEN_FIXED_COMMA = BROKEN.replace('},\n  ]', '}\n  ]');

function rules(diagnostics: { code?: number | string }[]): string[] {
  return diagnostics.map((d) => String(d.code)).sort();
}

describe('diagnostics, pull model', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ pull: true });
  });
  after(() => client.stop());

  it('reports rule ids with ranges, a README link and the source', async () => {
    const uri = 'untitled:broken-pull.json';
    await client.open(uri, BROKEN);
    const diagnostics = await client.pullDiagnostics(uri);
    assert.ok(rules(diagnostics).includes('rro/status-value'), JSON.stringify(rules(diagnostics)));
    assert.ok(rules(diagnostics).includes('rro/json-trailing-comma'));
    const status = diagnostics.find((d) => d.code === 'rro/status-value')!;
    assert.deepEqual(status.range.start, find(BROKEN, '"answered"'));
    assert.equal(status.source, 'РРО');
    assert.equal(
      status.codeDescription?.href,
      'https://github.com/rro-tools/rro-tools/blob/main/README.md#rro-status-value',
    );
    const comma = diagnostics.find((d) => d.code === 'rro/json-trailing-comma')!;
    assert.deepEqual(comma.range.start, find(BROKEN, '},\n  ]', 1));
  });

  it('follows changes: a fixed document has no diagnostics', async () => {
    const uri = 'untitled:changing.json';
    await client.open(uri, BROKEN_FIXED_COMMA);
    assert.deepEqual(rules(await client.pullDiagnostics(uri)), ['rro/status-value']);
    await client.change(uri, VALID);
    assert.deepEqual(await client.pullDiagnostics(uri), []);
  });

  it('gives nothing to package.json, tsconfig.json and other JSON', async () => {
    const others: [string, string][] = [
      [
        'file:///tmp/project/package.json',
        JSON.stringify({ name: 'x', version: '1.0.0', scripts: { test: 'node t.js' } }, null, 2),
      ],
      ['file:///tmp/project/tsconfig.json', '{\n  // comment\n  "compilerOptions": { "strict": true, },\n}\n'],
      ['file:///tmp/project/.vscode/settings.json', '{ "editor.tabSize": 2, }'],
      ['file:///tmp/project/data.json', '[1, 2, {"a": "b"}]'],
    ];
    for (const [uri, text] of others) {
      await client.open(uri, text);
      assert.deepEqual(await client.pullDiagnostics(uri), [], uri);
      assert.equal(await client.hover(uri, { line: 1, character: 4 }), null, uri);
      assert.deepEqual(await client.completion(uri, { line: 1, character: 3 }), [], uri);
    }
  });

  it('handles a 10 MB Base64 attachment: diagnostics, edits and hover keep answering', async () => {
    const uri = 'untitled:big.json';
    const big = VALID.replace(/"content": "[^"]*"/, `"content": "${'QUJD'.repeat(2.5 * 1024 * 1024)}"`);
    await client.open(uri, big);
    const first = rules(await client.pullDiagnostics(uri));
    assert.ok(!first.includes('rro/attachment-content'), first.join(', '));
    const statusAt = find(big, '"Answered"', 1);
    await client.edit(uri, { start: statusAt, end: { ...statusAt, character: statusAt.character + 1 } }, 'a');
    const [diagnostics, hover] = await Promise.all([
      client.pullDiagnostics(uri),
      client.hover(uri, find(big, '"createDate"', 2)),
    ]);
    assert.ok(rules(diagnostics).includes('rro/status-value'));
    assert.ok(hover);
  });

  it('reports a null report and a syntax error with a location', async () => {
    const uri = 'untitled:null-report.json';
    await client.open(uri, '{"departmentId": "30B1BE3B-BED1-49F6-AB4C-D138A81A9505", "year": 2016, "month": 13}');
    assert.ok(rules(await client.pullDiagnostics(uri)).includes('rro/null-report-month'));
    const broken = 'file:///tmp/x/appeal.json';
    const text = VALID.replace('"format": "Other",', '"format": "Other" "oops",');
    await client.open(broken, text);
    const d = await client.pullDiagnostics(broken);
    assert.ok(rules(d).includes('rro/json-syntax'), JSON.stringify(rules(d)));
    assert.equal(d.find((x) => x.code === 'rro/json-syntax')!.range.start.line, find(text, '"oops"').line);
  });
});

describe('diagnostics, push model', () => {
  let client: LspTestClient;
  let rulesSetting: Record<string, string> = {};
  before(async () => {
    client = await LspTestClient.start({ pull: false, settings: () => ({ rules: rulesSetting }) });
  });
  after(() => client.stop());

  it('applies rro.rules severities, and re-checks open documents when settings change', async () => {
    const uri = 'untitled:settings.json';
    await client.open(uri, BROKEN_FIXED_COMMA);
    const before = await client.waitForPush(uri, () => true, true);
    assert.equal(before.diagnostics.find((d) => d.code === 'rro/status-value')?.severity, 1);
    rulesSetting = { 'rro/status-value': 'hint' };
    const hinted = client.waitForPush(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.equal((await hinted).diagnostics.find((d) => d.code === 'rro/status-value')?.severity, 4);
    rulesSetting = { 'rro/status-value': 'off' };
    const silenced = client.waitForPush(uri);
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    assert.deepEqual((await silenced).diagnostics, []);
    rulesSetting = {};
  });

  it('pushes a newly opened document at once; only edits wait for the typing pause', async () => {
    const uri = 'untitled:opened-push.json';
    const t0 = performance.now();
    await client.open(uri, BROKEN);
    const opened = await client.waitForPush(uri, () => true, true);
    const openMs = performance.now() - t0;
    assert.equal(opened.version, 1);
    const t1 = performance.now();
    const edited = client.waitForPush(uri, (p) => p.version === 2);
    await client.change(uri, VALID);
    await edited;
    const editMs = performance.now() - t1;
    // The edit waited the pause; the opening did not (it took less than the pause itself).
    assert.ok(editMs >= PUSH_DELAY_MS - 5, `edit pushed after ${editMs} ms`);
    assert.ok(openMs < PUSH_DELAY_MS, `opening pushed after ${openMs} ms`);
  });

  it('pushes for the current version only', async () => {
    const uri = 'untitled:broken-push.json';
    await client.open(uri, BROKEN);
    const first = await client.waitForPush(uri, () => true, true);
    assert.equal(first.version, 1);
    assert.ok(rules(first.diagnostics).includes('rro/status-value'));
    // Three quick edits: only the last version is pushed (the others are stale by then).
    const seen: number[] = [];
    const done = client.waitForPush(uri, (p) => {
      seen.push(p.version ?? -1);
      return p.version === 4;
    });
    await client.change(uri, BROKEN_FIXED_COMMA);
    await client.change(uri, BROKEN);
    await client.change(uri, VALID);
    const last = await done;
    assert.deepEqual(last.diagnostics, []);
    assert.deepEqual(seen, [4]);
  });

  it('pushes nothing for a non-RRO document', async () => {
    const uri = 'file:///tmp/project/package.json';
    await client.open(uri, '{"name": "x", "version": "1.0.0"}');
    const p = await client.waitForPush(uri, () => true, true);
    assert.deepEqual(p.diagnostics, []);
  });
});

describe('rro lsp --stdio', () => {
  it('is the same server, started from the CLI', async () => {
    const client = await LspTestClient.start({ viaCli: true, pull: true });
    try {
      await client.open('untitled:cli.json', BROKEN);
      assert.ok(rules(await client.pullDiagnostics('untitled:cli.json')).includes('rro/status-value'));
    } finally {
      await client.stop();
    }
  });

  it('takes settings from initializationOptions or didChangeConfiguration when the client does not answer workspace/configuration', async () => {
    const client = await LspTestClient.start({
      viaCli: true,
      noConfiguration: true,
      initializationOptions: { settings: { rro: { rules: { 'rro/status-value': 'off' } } } },
    });
    try {
      const uri = 'untitled:no-configuration.json';
      await client.open(uri, BROKEN);
      const first = await client.waitForPush(uri, () => true, true);
      assert.deepEqual(rules(first.diagnostics), ['rro/json-trailing-comma']);
      const next = client.waitForPush(uri);
      await client.connection.sendNotification('workspace/didChangeConfiguration', {
        settings: { rro: { rules: { 'rro/json-trailing-comma': 'off' } } },
      });
      assert.deepEqual(rules((await next).diagnostics), ['rro/status-value']);
      assert.ok(!client.requestsFromServer.includes('workspace/configuration'));
    } finally {
      await client.stop();
    }
  });

  it('refuses unknown arguments with exit code 2', () => {
    const r = spawnSync(process.execPath, [CLI, 'lsp', '--socket=1'], { encoding: 'utf8' });
    assert.equal(r.status, 2);
    assert.match(r.stderr, /rro lsp/);
  });
});
