// The engine's vocabulary. Nothing here knows about LSP or VS Code: findings carry offsets
// and a JSON pointer; positions, ranges and sentences are made at the edge.

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** `several`: a root array of appeals, or several JSON values in one file (JSON Lines). */
export type DocumentKind = 'appeal' | 'null-report' | 'several' | 'unknown';

/** Arguments of a message; strings and numbers only, so bundles can format them. */
export type MessageArgs = Readonly<Record<string, string | number>>;

/** An edit to the document text, in offsets of that text (for quick fixes). */
export interface TextEdit {
  offset: number;
  length: number;
  newText: string;
}

export interface Fix {
  /** Message key of the fix's title (l10n bundles), with its arguments. */
  titleKey: string;
  args?: MessageArgs;
  edits: TextEdit[];
  /** Safe to apply without looking (source.fixAll). */
  safe: boolean;
}

export interface Finding {
  /** Stable rule id, `rro/<kebab-name>`. */
  rule: string;
  severity: Severity;
  /** RFC 6901 JSON pointer (see README «Pointers»). */
  pointer: string;
  /** Range in the text, as offsets (UTF-16 code units, like JS strings). */
  offset: number;
  length: number;
  /** Message key in the l10n bundles; usually the rule id, or `rule.variant`. */
  messageKey: string;
  args?: MessageArgs;
  fixes?: Fix[];
}

/** The full topic classifier, when the user supplies one: 4-digit code → entries. */
export interface Classifier {
  /** Question number (4 digits) → the question-level entries (four groups) it stands for. */
  byShortCode: ReadonlyMap<string, readonly { fullCode: string; name: string }[]>;
  /** Every full code of a hierarchical classifier, any level (empty for a list of bare 4-digit codes). */
  byFullCode?: ReadonlyMap<string, string>;
  size: number;
}

export interface CheckOptions {
  /** The date "future" and "a month that has ended" are judged against, `YYYY-MM-DD`. */
  today: string;
  classifier?: Classifier;
  /** The user says attachments must be present (never uploaded before). */
  attachmentsRequired?: boolean;
  /** Severity per rule id, overriding the defaults; `off` silences a rule. */
  severities?: Readonly<Record<string, Severity | 'off'>>;
  /**
   * The text is expected to be an RRO document (a file named on the command line, a ZIP
   * entry): a document that is neither an appeal nor a null report is then an error.
   * In the editor it is false, and such documents get nothing at all.
   */
  expectRro?: boolean;
  /**
   * The file was found by walking a folder for `*.json` (check, pack): ordinary JSON still gets
   * nothing, but text that is not JSON (empty, XML, binary, broken) is an error — nothing
   * hides in a folder.
   */
  walked?: boolean;
}

export interface CheckResult {
  kind: DocumentKind;
  findings: Finding[];
}
