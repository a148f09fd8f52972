// `workspace/diagnostic` over LSP (issue 14): every file on disk in one report, `unchanged` for
// what the client already has, changes and deletions seen on the next pull, `.git` and
// `node_modules` skipped, and the pushed scan withdrawn once the client pulls.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import {
  WorkspaceDiagnosticRequest,
  type WorkspaceDiagnosticReport,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver-protocol/node';
import { fileUri, FIXTURES, LspTestClient } from './client';

const VALID = readFileSync(path.join(FIXTURES, 'valid', 'answered.json'), 'utf8');
const BROKEN = VALID.replace('"Answered"', '"answered"');

type Report = WorkspaceDocumentDiagnosticReport;

function byUri(report: WorkspaceDiagnosticReport): Map<string, Report> {
  return new Map(report.items.map((i) => [i.uri, i]));
}

function codes(item: Report | undefined): string[] | 'unchanged' | undefined {
  if (!item) return undefined;
  return item.kind === 'full' ? item.items.map((d) => String(d.code)) : 'unchanged';
}

describe('workspace/diagnostic', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'rro-wsdiag-'));
  const file = (...p: string[]): string => path.join(root, ...p);
  const uri = (...p: string[]): string => fileUri(file(...p));
  let client: LspTestClient;
  let last: WorkspaceDiagnosticReport = { items: [] };

  const pull = async (): Promise<Map<string, Report>> => {
    const previousResultIds = last.items.flatMap((i) => (i.resultId ? [{ uri: i.uri, value: i.resultId }] : []));
    last = await client.connection.sendRequest(WorkspaceDiagnosticRequest.type, { previousResultIds });
    return byUri(last);
  };

  before(async () => {
    for (const dir of ['.git', path.join('node_modules', 'x')]) {
      mkdirSync(file(dir), { recursive: true });
      writeFileSync(file(dir, 'bad.json'), BROKEN);
    }
    writeFileSync(file('bad.json'), BROKEN);
    writeFileSync(file('good.json'), VALID);
    writeFileSync(file('package.json'), '{"name": "x"}');
    client = await LspTestClient.start({ pull: true, progress: true, folders: [root] });
    await client.waitForProgressEnds(1);
  });
  after(async () => {
    await client.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('reports every file once, skipping .git and node_modules, and withdraws the pushed scan', async () => {
    assert.deepEqual(client.latestPush(uri('bad.json'))?.diagnostics.length, 1);
    const withdrawn = client.waitForPush(uri('bad.json'), (p) => p.diagnostics.length === 0);
    const items = await pull();
    assert.deepEqual(codes(items.get(uri('bad.json'))), ['rro/status-value']);
    assert.deepEqual(codes(items.get(uri('good.json'))), []);
    assert.deepEqual(codes(items.get(uri('package.json'))), []);
    assert.equal(items.get(uri('.git', 'bad.json')), undefined);
    assert.equal(items.get(uri('node_modules', 'x', 'bad.json')), undefined);
    await withdrawn;
  });

  it('answers unchanged for what the client has, and sees changes and deletions', async () => {
    const again = await pull();
    assert.equal(codes(again.get(uri('bad.json'))), 'unchanged');
    assert.equal(codes(again.get(uri('good.json'))), 'unchanged');

    writeFileSync(file('good.json'), BROKEN);
    const later = new Date(Date.now() + 5000);
    utimesSync(file('good.json'), later, later);
    rmSync(file('bad.json'));
    const next = await pull();
    assert.deepEqual(codes(next.get(uri('good.json'))), ['rro/status-value']);
    assert.deepEqual(codes(next.get(uri('bad.json'))), []);
    assert.equal(codes(next.get(uri('package.json'))), 'unchanged');
  });

  it('leaves open documents to textDocument/diagnostic', async () => {
    await client.open(uri('good.json'), VALID);
    const items = await pull();
    // Known from the last report, open now: cleared here, the document pull speaks for it.
    assert.deepEqual(codes(items.get(uri('good.json'))), []);
    assert.deepEqual(await client.pullDiagnostics(uri('good.json')), []);
    const after = await pull();
    assert.equal(after.get(uri('good.json')), undefined);
  });
});
