// Every snippet, expanded with its defaults, is a document (or part of one) the engine
// accepts without errors; the placeholders left for the user on purpose are listed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkText } from '../../server/src/engine';
import { STATUS_IDS } from '../../server/src/format/table';
import { ROOT } from './client';
import { expandSnippet } from './snippetExpand';

interface Snippet {
  prefix: string[];
  description: string;
  body: string[];
}

const SNIPPETS: Record<string, Snippet> = JSON.parse(readFileSync(path.join(ROOT, 'snippets', 'rro.json'), 'utf8'));
const now = new Date();
const pad = (n: number): string => String(n).padStart(2, '0');
const today = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;

function byPrefix(prefix: string): Snippet {
  const found = Object.values(SNIPPETS).find((s) => s.prefix.includes(prefix));
  assert.ok(found, `no snippet ${prefix}`);
  return found;
}

function appealAround(questionText: string): string {
  const appeal = expandSnippet(byPrefix('rro-appeal').body, now);
  return appeal.replace(/"questions": \[[\s\S]*\]/, `"questions": [\n${questionText}\n  ]`);
}

function errors(text: string): string[] {
  return checkText(text, { today })
    .findings.filter((f) => f.severity === 'error')
    .map((f) => `${f.rule} ${f.pointer}`);
}

describe('snippets', () => {
  it('has an appeal, a question for each of the nine statuses, transfer, attachment and the null report, in Russian', () => {
    for (const p of ['rro-appeal', 'rro-transfer', 'rro-attachment', 'rro-null-report']) byPrefix(p);
    const questions = Object.values(SNIPPETS).filter((s) => s.prefix.some((p) => p.startsWith('rro-question-')));
    assert.equal(questions.length, STATUS_IDS.length);
    for (const s of Object.values(SNIPPETS)) assert.match(s.description, /[а-яё]/i);
  });

  it('expands the appeal and the null report into documents without errors', () => {
    const appeal = expandSnippet(byPrefix('rro-appeal').body, now);
    assert.equal(checkText(appeal, { today }).kind, 'appeal');
    assert.deepEqual(errors(appeal), []);
    const report = expandSnippet(byPrefix('rro-null-report').body, now);
    assert.equal(checkText(report, { today }).kind, 'null-report');
    assert.deepEqual(errors(report), []);
  });

  for (const status of STATUS_IDS) {
    it(`expands the ${status} question into an appeal without errors`, () => {
      const prefix = `rro-question-${status.replace(/[A-Z]/g, (c, i: number) => (i ? '-' : '') + c.toLowerCase())}`;
      const text = appealAround(expandSnippet(byPrefix(prefix).body, now));
      const result = checkText(text, { today });
      assert.equal(result.findings.filter((f) => f.rule === 'rro/required').length, 0);
      assert.deepEqual(errors(text), []);
    });
  }

  it('expands transfer and attachment in place of a question’s own', () => {
    const transferred = expandSnippet(byPrefix('rro-question-transferred').body, now);
    const transfer = expandSnippet(byPrefix('rro-transfer').body, now);
    const withTransfer = appealAround(transferred.replace(/"transfer": \{[\s\S]*?\}/, transfer));
    assert.deepEqual(errors(withTransfer), []);
    const answered = expandSnippet(byPrefix('rro-question-answered').body, now);
    const attachment = expandSnippet(byPrefix('rro-attachment').body, now);
    const withAttachment = appealAround(answered.replace(/"attachment": \{[\s\S]*?\}/, attachment));
    assert.deepEqual(errors(withAttachment), []);
  });
});
