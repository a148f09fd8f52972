// What `rro check` reports per file, already at the edge: 0-based UTF-16 ranges (as LSP) and
// messages in the user's language. The three output formats are views of this one shape.
import {
  LineIndex,
  RULE_BY_ID,
  type DocumentKind,
  type Finding,
  type MessageArgs,
  type RuleInfo,
  type Severity,
} from '../engine';
import { format, type Bundle } from '../l10n/messages';

export interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

export interface CliDiagnostic {
  rule: string;
  severity: Severity;
  message: string;
  pointer: string;
  range: Range;
}

export interface CheckedFile {
  /** As the user named it; a ZIP entry is `archive.zip!/entry.json`. */
  path: string;
  kind: DocumentKind;
  diagnostics: CliDiagnostic[];
}

export type SeverityOverrides = Readonly<Record<string, Severity | 'off'>>;

/**
 * Problems of an archive itself (not ZIP, unsafe entry names, zip bombs, CRC errors): found by
 * the CLI's ZIP reader, not by the engine, so the rule lives here; it is configurable and
 * documented like the engine's rules (README «rro check»).
 */
export const ARCHIVE_RULE: RuleInfo = { id: 'rro/archive', severity: 'error', section: 'spec §2' };

/** Engine rules plus the CLI's own: what `--rule` accepts and SARIF lists. */
export function knownRule(id: string): RuleInfo | undefined {
  return id === ARCHIVE_RULE.id ? ARCHIVE_RULE : RULE_BY_ID.get(id);
}

export function findingsToDiagnostics(findings: readonly Finding[], text: string, bundle: Bundle): CliDiagnostic[] {
  if (findings.length === 0) return [];
  const lines = new LineIndex(text);
  return findings.map((f) => ({
    rule: f.rule,
    severity: f.severity,
    message: oneLine(format(f.messageKey, f.args, bundle)),
    pointer: f.pointer,
    range: lines.range(f.offset, f.length),
  }));
}

const NOWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** An `rro/archive` diagnostic (no text position: it is about the file as a whole). */
export function archiveDiagnostic(
  code: string,
  args: MessageArgs,
  bundle: Bundle,
  overrides: SeverityOverrides,
  defaultSeverity: Severity = ARCHIVE_RULE.severity,
): CliDiagnostic | undefined {
  const configured = overrides[ARCHIVE_RULE.id];
  if (configured === 'off') return undefined;
  return {
    rule: ARCHIVE_RULE.id,
    severity: configured ?? defaultSeverity,
    message: oneLine(format(`${ARCHIVE_RULE.id}.${code}`, args, bundle)),
    pointer: '',
    range: NOWHERE,
  };
}

/** Terminals and problem matchers read one line per diagnostic. */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ');
}

export interface Totals {
  files: number;
  errors: number;
  warnings: number;
}

export function totals(files: readonly CheckedFile[]): Totals {
  let errors = 0;
  let warnings = 0;
  for (const f of files) {
    for (const d of f.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  return { files: files.length, errors, warnings };
}
