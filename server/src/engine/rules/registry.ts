// Every rule the engine knows: stable id, default severity, the spec section it enforces.
// The README's rule table, the diagnostics' codeDescription links and `--rule` validation read
// this list; severities here are the defaults that `rro.rules` / `--rule id=severity` override.
import type { Severity } from '../types';

export interface RuleInfo {
  id: string;
  severity: Severity;
  /** Where the rule comes from: a section of the format (`000_*.txt`) or of the spec page. */
  section: string;
}

function rule(id: string, severity: Severity, section: string): RuleInfo {
  return { id: `rro/${id}`, severity, section };
}

export const RULES: readonly RuleInfo[] = [
  // text and JSON syntax
  rule('encoding', 'error', 'spec §2'),
  rule('bom', 'warning', 'spec §2'),
  rule('json-syntax', 'error', 'spec §2'),
  rule('json-too-deep', 'error', 'spec §2'),
  rule('json-comment', 'warning', 'spec §2'),
  rule('json-trailing-comma', 'warning', 'spec §2'),
  rule('duplicate-key', 'error', 'spec §4'),
  rule('not-rro-document', 'error', 'spec §2'),
  rule('not-json', 'error', 'spec §2'),
  rule('several-documents', 'error', 'spec §2; §3.1'),
  // shape and types
  rule('root-type', 'error', '§3.1'),
  rule('required', 'error', '§3.1, §3.2'),
  rule('null-value', 'error', '§3.1, §3.2'),
  rule('type', 'error', '§3.1, §3.2'),
  rule('empty-value', 'error', '§3.1'),
  rule('unknown-property', 'warning', 'spec §4'),
  rule('property-case', 'hint', 'spec §4'),
  rule('unused-field', 'info', '§3.2'),
  // appeal fields
  rule('guid', 'error', '§3.1'),
  rule('format-value', 'error', '§3.1'),
  rule('number-latin-a', 'warning', '§3.3'),
  rule('questions-empty', 'error', '§3.1'),
  // questions
  rule('code-format', 'error', '§3.1; 002 §6.3'),
  rule('code-full', 'info', 'spec §5'),
  rule('code-excluded', 'warning', '001 §1; spec §6'),
  rule('code-unknown', 'error', 'spec §6'),
  rule('code-duplicate', 'error', '§3.3'),
  rule('status-value', 'error', '§3.1, §3.2'),
  // dates
  rule('date-format', 'error', '§3.2'),
  rule('date-invalid', 'error', '§3.2'),
  rule('date-time', 'info', 'spec §5'),
  rule('date-zone', 'warning', 'spec §5'),
  rule('date-order', 'error', '§3.2'),
  rule('date-future', 'warning', '§3.2'),
  // attachments and transfers
  rule('attachment-missing', 'warning', '§3.2.5'),
  rule('attachment-name', 'error', '§3.2.5'),
  rule('attachment-content', 'error', '§3.2.5'),
  rule('attachment-large', 'warning', '§3.2.5; spec §2'),
  rule('transfer-same-department', 'error', '§3.2.7'),
  // the no-appeals report
  rule('null-report-month', 'error', 'spec §7'),
  rule('null-report-period', 'error', 'spec §7'),
];

export const RULE_BY_ID: ReadonlyMap<string, RuleInfo> = new Map(RULES.map((r) => [r.id, r]));
