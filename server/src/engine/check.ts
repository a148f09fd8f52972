// The engine's entry: a parsed document and options in, the document kind and findings out.
import { detectKind, sniffKind } from './kind';
import { notJsonKind } from './notJson';
import { parseDocument, type ParsedDocument } from './parse/parseDocument';
import { Reporter } from './report';
import { checkAppeal } from './rules/appeal';
import { checkNullReport } from './rules/nullReport';
import { checkSyntax, checkDuplicateKeys } from './rules/syntax';
import { severalParts } from './several';
import type { CheckOptions, CheckResult, DocumentKind, Finding } from './types';

export function analyze(doc: ParsedDocument, options: CheckOptions): CheckResult {
  let kind: DocumentKind = doc.root ? detectKind(doc.root, options.expectRro) : sniffKind(doc.text);
  const several =
    kind === 'several' || doc.syntax.length > 0
      ? severalParts(doc.text, doc.root, doc.syntax.length > 0, options.expectRro)
      : undefined;
  if (several) kind = 'several';
  const notJson = kind === 'unknown' && (!doc.root || doc.syntax.length > 0);
  // In a walked folder a file that is not JSON text is an error; ordinary JSON stays silent.
  if (kind === 'unknown' && !options.expectRro && !(notJson && options.walked)) return { kind, findings: [] };
  const reporter = new Reporter(options);
  const plainly = notJson ? notJsonKind(doc.text) : undefined;
  if (plainly) {
    reporter.report('rro/not-json', { offset: 0, length: Math.min(doc.text.length, 1) }, '', { variant: plainly });
    return { kind, findings: reporter.findings };
  }
  if (several) {
    const whole = doc.root?.type === 'array' ? doc.root : { offset: several[0].offset, length: 1 };
    reporter.report('rro/several-documents', { offset: whole.offset, length: whole.length }, '', {
      args: { count: several.length },
    });
    // A sequence's "syntax errors" are the later values: only the root array's text is judged.
    if (doc.root?.type === 'array') checkSyntax(doc, reporter);
    return { kind, findings: sorted(reporter.findings) };
  }
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
