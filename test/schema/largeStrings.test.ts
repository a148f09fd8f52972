// Issue 14: the committed schemas must not break other validators on large values. A pattern
// with an unbounded quantifier (`[…]*`) over a 10 MB attachment made VS Code's own JSON
// validator (vscode-json-languageservice) overflow its stack; the schemas now keep every
// pattern bounded and test the Base64 alphabet as `not` one bad character.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import { getLanguageService, type JSONSchema } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { bigAttachmentAppeal } from '../bench/generate';
import { REPO_ROOT } from './fixtures';

const SCHEMAS = path.join(REPO_ROOT, 'schemas');
const APPEAL = path.join(SCHEMAS, 'appeal.schema.json');
const TEN_MB = 10 * 1024 * 1024;

function committed(file: string): JSONSchema {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as JSONSchema;
}

/** Diagnostics of vscode-json-languageservice (what VS Code runs for `json.schemas`). */
async function vscodeJson(text: string): Promise<string[]> {
  const schema = committed(APPEAL);
  const service = getLanguageService({});
  service.configure({
    validate: true,
    schemas: [{ uri: 'file:///appeal.schema.json', fileMatch: ['*.json'], schema }],
  });
  const doc = TextDocument.create('file:///appeal.json', 'json', 1, text);
  const found = await service.doValidation(doc, service.parseJSONDocument(doc));
  return found.map((d) => `${d.range.start.line}:${d.message}`);
}

function ajvErrors(text: string): string[] {
  const validate = new Ajv({ allErrors: true }).compile(committed(APPEAL));
  return validate(JSON.parse(text)) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.keyword}`);
}

test('the installed vscode-json-languageservice is the version the issue measured', () => {
  const require = createRequire(__filename);
  const pkg = require('vscode-json-languageservice/package.json') as { version: string };
  assert.equal(pkg.version, '5.7.2');
});

test('no pattern in the committed schemas has an unbounded quantifier', () => {
  for (const file of fs.readdirSync(SCHEMAS).filter((f) => f.endsWith('.json'))) {
    const patterns = [
      ...fs.readFileSync(path.join(SCHEMAS, file), 'utf8').matchAll(/"pattern": ("(?:[^"\\]|\\.)*")/g),
    ].map((m) => JSON.parse(m[1]) as string);
    // Escapes and character classes are single characters; what is left must not repeat unboundedly.
    for (const p of patterns) {
      const shape = p.replace(/\\./g, 'e').replace(/\[(?:[^\]\\]|\\.)*\]/g, 'c');
      assert.doesNotMatch(shape, /[*+]|\{\d+,\}/, `${file}: ${p}`);
    }
  }
});

test('vscode-json-languageservice and ajv validate an appeal with a 10 MB attachment', async () => {
  const text = bigAttachmentAppeal(TEN_MB);
  assert.ok(text.length > TEN_MB);
  assert.deepEqual(await vscodeJson(text), []);
  assert.deepEqual(ajvErrors(text), []);
});

test('both still find a character outside Base64 in the middle of a 10 MB attachment', async () => {
  const valid = bigAttachmentAppeal(TEN_MB);
  const opening = /"content":\s*"/.exec(valid)!;
  const middle = opening.index + opening[0].length + Math.floor(TEN_MB / 2);
  const text = valid.slice(0, middle) + '!' + valid.slice(middle + 1);
  assert.equal((await vscodeJson(text)).length, 1);
  assert.deepEqual(ajvErrors(text), ['/questions/0/attachment/content not']);
});
