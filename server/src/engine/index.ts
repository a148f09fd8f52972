// The engine's public face. Front doors (LSP server, CLI, archive and API modules) import
// from here only.
import { analyze } from './check';
import { decodeBytes, type Encoding } from './decode';
import { parseDocument, type ParsedDocument } from './parse/parseDocument';
import { Reporter } from './report';
import type { CheckOptions, CheckResult } from './types';

export * from './types';
export type { JsonNode } from './json';
export { analyze, checkText } from './check';
export { parseDocument, type ParsedDocument } from './parse/parseDocument';
export { decodeBytes, type Encoding } from './decode';
export { LineIndex, type Position } from './positions';
export { RULES, RULE_BY_ID, type RuleInfo } from './rules/registry';
export { detectKind } from './kind';
export { splitDocument } from './several';
export { isCalendarDay, localDay } from './calendar';
export { buildCheckOptions, type CheckOptionsInput } from './options';

export interface BytesCheck extends CheckResult {
  text: string;
  encoding: Encoding;
  doc: ParsedDocument;
}

/** Check a file's bytes: the encoding is judged from the bytes, then the text as usual. */
export function checkBytes(bytes: Uint8Array, options: CheckOptions): BytesCheck {
  const { text, encoding } = decodeBytes(bytes);
  const doc = parseDocument(text);
  const result = analyze(doc, options);
  // Binary data gets `rro/not-json` alone: naming an encoding for it would mislead.
  const binary = result.findings.some((f) => f.rule === 'rro/not-json');
  if (encoding !== 'utf-8' && !binary && (result.kind !== 'unknown' || options.expectRro)) {
    const reporter = new Reporter(options);
    reporter.report('rro/encoding', { offset: 0, length: 0 }, '', { args: { encoding: encoding.toUpperCase() } });
    result.findings.unshift(...reporter.findings);
  }
  return { ...result, text, encoding, doc };
}
