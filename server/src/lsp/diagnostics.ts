// Findings → LSP diagnostics: range from offsets (once, here at the edge), the rule id as
// `code` with a link to its README section, `source: "РРО"`, the message in the user's language.
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver/node';
import type { Finding, LineIndex, Severity } from '../engine';
import type { ServerText } from './text';

// The README of the public repository documents every rule under an anchor `rro-<name>`
// (`rro/required` → `#rro-required`). The URL is a constant: the extension may run from a
// .vsix far from any checkout, so links must point at the published README.
export const RULE_DOCS_BASE = 'https://github.com/rro-tools/rro-tools/blob/main/README.md#';

export function ruleAnchor(rule: string): string {
  return rule.replace('/', '-');
}

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back in code action requests, to find its finding again. */
export interface DiagnosticData {
  pointer: string;
  offset: number;
  length: number;
  /** `rro/encoding`: the encoding the file on disk is in (`windows-1251`…), to reopen it with. */
  encoding?: string;
}

export function toDiagnostic(finding: Finding, lines: LineIndex, text: ServerText): Diagnostic {
  const data: DiagnosticData = { pointer: finding.pointer, offset: finding.offset, length: finding.length };
  if (finding.rule === 'rro/encoding' && finding.args?.encoding)
    data.encoding = String(finding.args.encoding).toLowerCase();
  return {
    range: lines.range(finding.offset, finding.length),
    severity: SEVERITY[finding.severity],
    code: finding.rule,
    codeDescription: { href: RULE_DOCS_BASE + ruleAnchor(finding.rule) },
    source: text.t('lsp.source'),
    message: text.t(finding.messageKey, finding.args),
    data,
  };
}

export function toDiagnostics(findings: readonly Finding[], lines: LineIndex, text: ServerText): Diagnostic[] {
  return findings.map((f) => toDiagnostic(f, lines, text));
}
