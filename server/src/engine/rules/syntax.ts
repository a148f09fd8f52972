// The text itself: BOM, syntax errors, comments, trailing commas, keys given twice.
import type { JsonNode } from '../json';
import type { ParsedDocument } from '../parse/parseDocument';
import { childPointer } from '../pointer';
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
export function checkDuplicateKeys(root: JsonNode, reporter: Reporter): void {
  const stack: { node: JsonNode; pointer: string }[] = [{ node: root, pointer: '' }];
  while (stack.length) {
    const { node, pointer } = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<string>();
      for (const prop of node.children!) {
        const key = prop.children![0];
        const name = key.value as string;
        if (seen.has(name)) reporter.report('rro/duplicate-key', key, childPointer(pointer, name), { args: { name } });
        seen.add(name);
        const value = prop.children![1];
        if (value && (value.type === 'object' || value.type === 'array')) stack.push({ node: value, pointer: childPointer(pointer, name) });
      }
    } else if (node.type === 'array') {
      node.children!.forEach((item, i) => {
        if (item.type === 'object' || item.type === 'array') stack.push({ node: item, pointer: childPointer(pointer, i) });
      });
    }
  }
}
