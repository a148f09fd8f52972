// `rro check --format sarif` against the official SARIF 2.1.0 JSON Schema (vendored, see
// test/fixtures/sarif/README.md), in both languages; rules carry descriptions and help, the tool
// its version and home page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import Ajv from 'ajv';
import { RULES } from '../../server/src/engine';
import sarifEn from '../../l10n/sarif.en.json';
import sarifRu from '../../l10n/sarif.ru.json';
import { appealWith, TempDir, validText } from './helpers/cases';
import { FIXTURES, ROOT, runCli } from './helpers/runCli';
import { buildZip } from './helpers/zipBytes';

const schema = JSON.parse(readFileSync(path.join(FIXTURES, 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

// The schema's three formats, checked rather than ignored.
const isUri = (s: string): boolean => URL.canParse(s);
const ajv = new Ajv({ allErrors: true, strict: false });
ajv.addFormat('uri', isUri);
ajv.addFormat('uri-reference', (s: string) => isUri(s) || URL.canParse(s, 'file:///base/'));
ajv.addFormat('date-time', (s: string) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s));
const validate = ajv.compile(schema);

const tmp = new TempDir();
after(() => tmp.remove());
tmp.write('in/bad.json', appealWith({ code: '0001.0002.0027.0147', status: 'NotRecieved' }));
tmp.write('in/ok.json', validText('in-work.json'));
tmp.write('in/Обращение 1.json', appealWith({ incomingDate: '15.11.2016' }));
tmp.write('in/broken.json', '{"questions": [');
tmp.write('Выгрузка.zip', buildZip([{ name: 'Март/bad.json', data: Buffer.from(appealWith({ code: '12' })) }]));
tmp.write('not.zip', Buffer.from('PK\u0003\u0004 broken'));

interface Rule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
}
interface Log {
  runs: { tool: { driver: { version: string; informationUri: string; rules: Rule[] } }; results: unknown[] }[];
}

async function sarif(lang: string, inputs: string[]): Promise<Log> {
  const run = await runCli(['check', '--format', 'sarif', '--lang', lang, ...inputs], { cwd: tmp.root });
  assert.ok(run.code === 0 || run.code === 1, run.stderr);
  const log = JSON.parse(run.stdout) as Log;
  assert.ok(validate(log), ajv.errorsText(validate.errors, { separator: '\n' }));
  return log;
}

test('SARIF validates against the SARIF 2.1.0 schema, in English and Russian, with results of every kind', async () => {
  for (const inputs of [['in', 'Выгрузка.zip', 'not.zip'], ['in/ok.json'], [path.join(tmp.root, 'in')]]) {
    const en = await sarif('en', inputs);
    const ru = await sarif('ru', inputs);
    assert.equal(en.runs[0].results.length, ru.runs[0].results.length);
  }
  const log = await sarif('en', ['in', 'Выгрузка.zip']);
  assert.ok(log.runs[0].results.length >= 4);
});

test('every rule has a short and a full description and help, by --lang; the tool its version and home', async () => {
  const en = (await sarif('en', ['in'])).runs[0].tool.driver;
  const ru = (await sarif('ru', ['in'])).runs[0].tool.driver;
  assert.equal(en.version, version);
  assert.match(en.informationUri, /^https:\/\//);
  for (const [i, rule] of en.rules.entries()) {
    const other = ru.rules[i];
    assert.equal(other.id, rule.id);
    for (const r of [rule, other]) {
      assert.ok(r.shortDescription.text.length > 0 && r.shortDescription.text !== r.id, r.id);
      assert.ok(r.fullDescription.text.length > r.shortDescription.text.length, r.id);
      assert.ok(r.help.text.includes(r.fullDescription.text) && r.help.markdown.length > 0, r.id);
    }
    assert.notEqual(rule.shortDescription.text, other.shortDescription.text, rule.id);
    assert.match(other.fullDescription.text, /[а-яё]/i, rule.id);
  }
});

test('l10n/sarif.*.json: texts for every rule (a new rule needs its two lines in both files)', () => {
  const en: Record<string, string> = sarifEn;
  const ru: Record<string, string> = sarifRu;
  for (const id of [...RULES.map((r) => r.id), 'rro/archive'])
    for (const part of ['short', 'full']) {
      assert.ok(en[`${id}.${part}`], `${id}.${part} missing in sarif.en.json`);
      assert.ok(ru[`${id}.${part}`], `${id}.${part} missing in sarif.ru.json`);
    }
  assert.deepEqual(Object.keys(en).sort(), Object.keys(ru).sort());
});
