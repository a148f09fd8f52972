// The engine's entry: a parsed document and options in, the document kind and findings out.
import { detectKind, sniffKind } from './kind';
import { parseDocument, type ParsedDocument } from './parse/parseDocument';
import { Reporter } from './report';
import { checkAppeal } from './rules/appeal';
import { checkNullReport } from './rules/nullReport';
import { checkSyntax, checkDuplicateKeys } from './rules/syntax';
import type { CheckOptions, CheckResult, Finding } from './types';

export function analyze(doc: ParsedDocument, options: CheckOptions): CheckResult {
  const kind = doc.root ? detectKind(doc.root) : sniffKind(doc.text);
  if (kind === 'unknown' && !options.expectRro) return { kind, findings: [] };
  const reporter = new Reporter(options);
  checkSyntax(doc, reporter);
  if (!doc.root) return { kind, findings: reporter.findings };
  checkDuplicateKeys(doc, reporter);
  const ctx = { reporter, text: doc.text, options };
  if (kind === 'appeal') checkAppeal(doc.root, ctx);
  else if (kind === 'null-report') checkNullReport(doc.root, ctx);
  else if (doc.syntax.length === 0) {
    const rule = doc.root.type === 'object' ? 'rro/not-rro-document' : 'rro/root-type';
    reporter.report(rule, { offset: doc.root.offset, length: 1 }, '');
  }
  return { kind, findings: sorted(reporter.findings) };
}

function byPlace(a: Finding, b: Finding): number {
  return a.offset - b.offset || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0);
}

/** Findings by offset, then rule. The rules walk the document in order, so they mostly are already. */
function sorted(findings: Finding[]): Finding[] {
  for (let i = 1; i < findings.length; i++)
    if (byPlace(findings[i - 1], findings[i]) > 0) return findings.sort(byPlace);
  return findings;
}

export function checkText(text: string, options: CheckOptions): CheckResult & { doc: ParsedDocument } {
  const doc = parseDocument(text);
  return { ...analyze(doc, options), doc };
}
