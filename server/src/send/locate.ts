// Where a rejection points in the file's text: the node of a JSON pointer, as offsets, so the
// editor can put the server's message on the question it names (else on the document start).
import { parseDocument, type JsonNode } from '../engine';

export interface TextSpan {
  offset: number;
  length: number;
}

export function spanOfPointer(text: string, pointer: string): TextSpan {
  const doc = parseDocument(text);
  let node: JsonNode | undefined = doc.root;
  const segments =
    pointer === ''
      ? []
      : pointer
          .slice(1)
          .split('/')
          .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    if (node?.type === 'object') {
      // The server binds names case-insensitively: so does the lookup.
      const prop: JsonNode | undefined = node.children?.find(
        (p) => String(p.children?.[0]?.value).toLowerCase() === segment.toLowerCase(),
      );
      node = prop?.children?.[1];
    } else if (node?.type === 'array') node = node.children?.[Number(segment)];
    else node = undefined;
  }
  if (!node) return { offset: doc.bom ? 1 : 0, length: 0 };
  // The whole document underlined says nothing: a document-level message sits on its opening brace.
  return segments.length === 0 ? { offset: node.offset, length: 1 } : { offset: node.offset, length: node.length };
}
