// What must hold for any input at all, however broken: the findings point inside the text,
// their pointers are RFC 6901 strings, their rules and severities are known, their fixes'
// edits are in range and do not overlap, and their messages exist in both languages.
import { LineIndex, RULE_BY_ID, SEVERITIES, type Finding, type JsonNode } from '../../../server/src/engine';
import { nodeAtPointer } from '../../../server/src/engine/pointer';
import { bundleFor } from '../../../server/src/l10n/messages';

/**
 * RFC 6901: `""` or `/`-led tokens where `~` is only ever `~0` or `~1`. A loop, not a regular
 * expression: a backtracking regex overflows the stack on a 50 MB key.
 */
export function isJsonPointer(pointer: unknown): boolean {
  if (typeof pointer !== 'string') return false;
  if (pointer !== '' && pointer[0] !== '/') return false;
  for (let i = pointer.indexOf('~'); i >= 0; i = pointer.indexOf('~', i + 1)) {
    const next = pointer[i + 1];
    if (next !== '0' && next !== '1') return false;
  }
  return true;
}

const EN = bundleFor('en');
const RU = bundleFor('ru');

function inside(offset: number, length: number, textLength: number): boolean {
  return (
    Number.isInteger(offset) && Number.isInteger(length) && offset >= 0 && length >= 0 && offset + length <= textLength
  );
}

/** Findings that point where something should be, not at a node. */
const POINT_AT_ABSENT = new Set(['rro/required', 'rro/attachment-missing']);
/** Resolving a pointer walks the tree: beyond this many findings the check would dominate. */
const RESOLVE_AT_MOST = 2000;

/**
 * Problems with these findings for a text of `text.length`; empty when all is well. With the
 * document's tree, each pointer must also lead to a node (pointers are the document's own path).
 */
export function findingProblems(findings: readonly Finding[], text: string, root?: JsonNode): string[] {
  const problems: string[] = [];
  if (root && findings.length <= RESOLVE_AT_MOST) {
    for (const f of findings) {
      if (!POINT_AT_ABSENT.has(f.rule) && !nodeAtPointer(root, f.pointer))
        problems.push(`pointer leads to no node: ${f.rule} ${JSON.stringify(f.pointer)}`);
    }
  }
  const lines = new LineIndex(text);
  for (const f of findings) {
    const where = `${f.rule} at ${f.offset}+${f.length} ${JSON.stringify(f.pointer)}`;
    if (!RULE_BY_ID.has(f.rule)) problems.push(`unregistered rule: ${where}`);
    if (!SEVERITIES.includes(f.severity)) problems.push(`bad severity ${String(f.severity)}: ${where}`);
    if (!inside(f.offset, f.length, text.length))
      problems.push(`range outside the text (length ${text.length}): ${where}`);
    if (!isJsonPointer(f.pointer)) problems.push(`not an RFC 6901 pointer: ${where}`);
    const range = lines.range(f.offset, f.length);
    if (range.start.line > range.end.line) problems.push(`range runs backwards: ${where}`);
    for (const fix of f.fixes ?? []) {
      const edits = [...fix.edits].sort((a, b) => a.offset - b.offset);
      for (let i = 0; i < edits.length; i++) {
        const e = edits[i];
        if (!inside(e.offset, e.length, text.length))
          problems.push(`fix ${fix.titleKey} edit outside the text: ${where}`);
        if (i > 0 && edits[i - 1].offset + edits[i - 1].length > e.offset)
          problems.push(`fix ${fix.titleKey} edits overlap: ${where}`);
      }
    }
  }
  return problems;
}

/** Message keys (findings and fix titles) missing from the English or the Russian bundle. */
export function missingMessages(findings: readonly Finding[]): string[] {
  const missing: string[] = [];
  const keys = findings.flatMap((f) => [f.messageKey, ...(f.fixes ?? []).map((x) => x.titleKey)]);
  for (const key of keys) {
    if (!(key in EN)) missing.push(`en:${key}`);
    if (!(key in RU)) missing.push(`ru:${key}`);
  }
  return missing;
}
