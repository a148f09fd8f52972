// The text itself: BOM, syntax errors, comments, trailing commas, keys given twice.
import type { JsonNode } from '../json';
import type { ParsedDocument } from '../parse/parseDocument';
import { pointerOf } from '../pointer';
import type { Reporter } from '../report';

export function checkSyntax(doc: ParsedDocument, reporter: Reporter): void {
  if (doc.bom) {
    reporter.report('rro/bom', { offset: 0, length: 1 }, '', {
      fixes: [{ titleKey: 'fix.removeBom', edits: [{ offset: 0, length: 1, newText: '' }], safe: true }],
    });
  }
  for (const s of doc.syntax) {
    const rule = s.code === 'too-deep' ? 'rro/json-too-deep' : 'rro/json-syntax';
    reporter.report(rule, s, '', { args: { code: s.code } });
  }
  for (const c of doc.comments) {
    reporter.report('rro/json-comment', c, '', {
      fixes: [{ titleKey: 'fix.removeComment', edits: [{ ...c, newText: '' }], safe: true }],
    });
  }
  for (const offset of doc.trailingCommas) {
    reporter.report('rro/json-trailing-comma', { offset, length: 1 }, '', {
      fixes: [{ titleKey: 'fix.removeTrailingComma', edits: [{ offset, length: 1, newText: '' }], safe: true }],
    });
  }
}

/** Json.NET keeps the last of two equal keys (or refuses the object): either way data is lost. */
export function checkDuplicateKeys(doc: ParsedDocument, reporter: Reporter): void {
  for (const key of doc.duplicateKeys) {
    reporter.report('rro/duplicate-key', key, pointerOfNode(key), { args: { name: String(key.value) } });
  }
}

/** The pointer of a node, from its parents (only for the rare findings that need it). */
function pointerOfNode(node: JsonNode): string {
  const segments: (string | number)[] = [];
  for (let child = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (parent.type === 'property') segments.push(String(parent.children![0].value));
    else if (parent.type === 'array') segments.push(parent.children!.indexOf(child));
  }
  return pointerOf(...segments.reverse());
}
