// Where a rejection points in the file's text: the node of a JSON pointer, as offsets, so the
// editor can put the server's message on the question it names (else on the document start).
import { parseDocument } from '../engine';
import { nodeAtPointer } from '../engine/pointer';

export interface TextSpan {
  offset: number;
  length: number;
}

export function spanOfPointer(text: string, pointer: string): TextSpan {
  const doc = parseDocument(text);
  // Pointers name keys as written; the server's own use the format's names: both resolve.
  const node = nodeAtPointer(doc.root, pointer);
  if (!node) return { offset: doc.bom ? 1 : 0, length: 0 };
  // The whole document underlined says nothing: a document-level message sits on its opening brace.
  return pointer === '' ? { offset: node.offset, length: 1 } : { offset: node.offset, length: node.length };
}
