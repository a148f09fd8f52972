// `rro check --format sarif` from the real CLI: the SARIF 2.1.0 structure code-scanning tools
// read, every result agreeing with the JSON output of the same input.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { RULES } from '../../server/src/engine';
import { appealWith, TempDir, validText } from './helpers/cases';
import { checkJson, ROOT, runCli } from './helpers/runCli';
import { buildZip } from './helpers/zipBytes';

const tmp = new TempDir();
after(() => tmp.remove());

tmp.write('in/bad.json', appealWith({ code: '0001.0002.0027.147', status: 'NotRecieved' }));
tmp.write('in/ok.json', validText('in-work.json'));
tmp.write('in/excluded.json', appealWith({ code: '0147' }));
tmp.write('Выгрузка.zip', buildZip([{ name: 'Март/bad.json', data: Buffer.from(appealWith({ code: '12' })) }]));

interface SarifRegion {
  startLine: number;
  startColumn: number;
  endLine: number;
  endColumn: number;
}
interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string }; region: SarifRegion } }[];
  properties: { pointer: string };
}
interface SarifRule {
  id: string;
  name: string;
  helpUri: string;
  defaultConfiguration: { level: string };
}
interface SarifLog {
  $schema: string;
  version: string;
  runs: { tool: { driver: { name: string; rules: SarifRule[] } }; columnKind: string; results: SarifResult[] }[];
}

async function sarif(args: string[]): Promise<{ code: number | null; log: SarifLog }> {
  const run = await runCli(['check', '--format', 'sarif', '--today', '2026-11-25', ...args], { cwd: tmp.root });
  return { code: run.code, log: JSON.parse(run.stdout) as SarifLog };
}

test('SARIF 2.1.0: one run, the tool with every rule, helpUri anchors that exist in the README', async () => {
  const { code, log } = await sarif(['in']);
  assert.equal(code, 1);
  assert.equal(log.version, '2.1.0');
  assert.match(log.$schema, /sarif-2\.1\.0/);
  assert.equal(log.runs.length, 1);
  const [run] = log.runs;
  assert.equal(run.columnKind, 'utf16CodeUnits');
  assert.equal(run.tool.driver.name, 'rro');
  const ids = run.tool.driver.rules.map((r) => r.id);
  assert.deepEqual(ids, [...RULES.map((r) => r.id), 'rro/archive']);
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  for (const r of run.tool.driver.rules) {
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration.level), r.id);
    assert.ok(r.name.length > 0);
    const anchor = /^https:\/\/[^#]+#(rro-[a-z-]+)$/.exec(r.helpUri);
    assert.ok(anchor, r.helpUri);
    assert.ok(readme.includes(`<a id="${anchor[1]}"></a>`), `README has no anchor ${anchor[1]}`);
  }
});

test('results agree with --format json: rule, level, 1-based region, pointer', async () => {
  for (const input of ['in', 'Выгрузка.zip']) {
    const { log } = await sarif([input]);
    const { report } = await checkJson([input], tmp.root);
    const [run] = log.runs;
    const expected = report.files.flatMap((f) =>
      f.diagnostics.map((d) => ({
        ruleId: d.rule,
        level: d.severity === 'info' || d.severity === 'hint' ? 'note' : d.severity,
        path: f.path,
        region: {
          startLine: d.range.start.line + 1,
          startColumn: d.range.start.character + 1,
          endLine: d.range.end.line + 1,
          endColumn: d.range.end.character + 1,
        },
        pointer: d.pointer,
        text: d.message,
      })),
    );
    assert.ok(expected.length > 0);
    const actual = run.results.map((r) => {
      assert.deepEqual(Object.keys(r), ['ruleId', 'ruleIndex', 'level', 'message', 'locations', 'properties']);
      assert.equal(run.tool.driver.rules[r.ruleIndex].id, r.ruleId);
      assert.equal(r.locations.length, 1);
      const loc = r.locations[0].physicalLocation;
      assert.equal(loc.artifactLocation.uriBaseId, 'SRCROOT');
      return {
        ruleId: r.ruleId,
        level: r.level,
        path: decodeURIComponent(loc.artifactLocation.uri),
        region: loc.region,
        pointer: r.properties.pointer,
        text: r.message.text,
      };
    });
    assert.deepEqual(
      actual,
      expected.map((e) => ({ ...e, path: e.path.split(path.sep).join('/') })),
    );
  }
});

test('ZIP entries keep the archive!/entry form in the URI, percent-encoded', async () => {
  const { log } = await sarif(['Выгрузка.zip']);
  const uris = log.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation.uri);
  assert.deepEqual(
    [...new Set(uris)],
    [`${encodeURIComponent('Выгрузка.zip')}!/${encodeURIComponent('Март')}/bad.json`],
  );
});

test('a clean input gives an empty results array and exit 0', async () => {
  const { code, log } = await sarif(['in/ok.json']);
  assert.equal(code, 0);
  assert.deepEqual(log.runs[0].results, []);
});
