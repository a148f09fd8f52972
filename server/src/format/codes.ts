// Topic code forms as the platforms take them (spec §5, §6). Format 4.0 describes 4 digits,
// the question number of the classifier (раздел.тематика.тема.вопрос); deployed platforms
// also accept and store the full dotted code of four groups, or five (plus «уточнение»).
// Part of the format table: the rules, hover and completion read code forms from here.

/** `short`: `0147`; `full`: `0001.0002.0027.0147`; `refined`: a fifth group after the question. */
export type CodeForm = 'short' | 'full' | 'refined';

const SHORT = /^\d{4}$/;
const FULL = /^\d{4}\.\d{4}\.\d{4}\.\d{4}$/;
const REFINED = /^\d{4}\.\d{4}\.\d{4}\.\d{4}\.\d{4}$/;
/** Any number of dotted 4-digit groups: what a classifier file may list (sections, themes…). */
const GROUPS = /^\d{4}(?:\.\d{4})*$/;

/** The form of an accepted question code, or undefined when it is none of them. */
export function codeForm(code: string): CodeForm | undefined {
  if (code.length === 4) return SHORT.test(code) ? 'short' : undefined;
  if (code.length === 19) return FULL.test(code) ? 'full' : undefined;
  if (code.length === 24) return REFINED.test(code) ? 'refined' : undefined;
  return undefined;
}

/** Groups of four digits joined by dots, at any level (a classifier entry's code). */
export function isGroupedCode(code: string): boolean {
  return GROUPS.test(code);
}

/** The classifier level of a grouped code: 1 раздел … 4 вопрос, 5 уточнение. */
export function codeLevel(code: string): number {
  return code.split('.').length;
}

/** The question number (4 digits) a code stands for: the code itself, or its fourth group. */
export function questionNumber(code: string): string {
  return code.length === 4 ? code : code.slice(15, 19);
}

/** The question-level full code of a full or refined code (the first four groups). */
export function questionCode(code: string): string {
  return code.slice(0, 19);
}
