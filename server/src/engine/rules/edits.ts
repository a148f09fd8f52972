// Small text edits the fixes are made of.
import type { JsonNode } from '../json';
import type { Fix, MessageArgs, TextEdit } from '../types';

export function replaceNode(node: JsonNode, value: unknown): TextEdit {
  return { offset: node.offset, length: node.length, newText: JSON.stringify(value) };
}

export function fix(titleKey: string, edits: TextEdit[], safe: boolean, args?: MessageArgs): Fix {
  return args ? { titleKey, edits, safe, args } : { titleKey, edits, safe };
}

/** Insert `"name": value` pairs at the end of an object, matching its indentation. */
export function appendProperties(text: string, object: JsonNode, entries: [string, unknown][]): TextEdit {
  const props = object.children ?? [];
  const last = props[props.length - 1];
  const lineStart = (offset: number) => text.lastIndexOf('\n', offset - 1) + 1;
  const indentOf = (offset: number) => /^[ \t]*/.exec(text.slice(lineStart(offset), offset))![0];
  if (!last) {
    const inner = indentOf(object.offset) + '  ';
    const body = entries.map(([k, v]) => `${inner}${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(',\n');
    return { offset: object.offset + 1, length: 0, newText: `\n${body}\n${indentOf(object.offset)}` };
  }
  const sameLine = text.lastIndexOf('\n', last.offset) < object.offset;
  const sep = sameLine ? ', ' : `,\n${indentOf(last.offset)}`;
  const body = entries.map(([k, v]) => `${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(sep);
  return { offset: last.offset + last.length, length: 0, newText: sep + body };
}
