// Selection ranges (expand selection): from the cursor out — a string's text, the string,
// its property, the object, the property holding that object… up to the document.
import type { Position, SelectionRange } from 'vscode-languageserver/node';
import type { JsonNode, LineIndex } from '../engine';

interface Span {
  offset: number;
  length: number;
}

function contains(node: Span, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

/** The nodes around `offset`, outermost first, and a string's text inside its quotes. */
function spansAround(root: JsonNode | undefined, offset: number): Span[] {
  const spans: Span[] = [];
  for (let node = root; node && contains(node, offset); node = node.children?.find((c) => contains(c, offset))) {
    spans.push(node);
    if (node.type === 'string' && node.length > 2 && offset > node.offset && offset < node.offset + node.length)
      spans.push({ offset: node.offset + 1, length: node.length - 2 });
  }
  return spans;
}

export function selectionRange(root: JsonNode | undefined, lines: LineIndex, position: Position): SelectionRange {
  const offset = lines.offset(position);
  let range: SelectionRange | undefined;
  for (const span of spansAround(root, offset)) {
    if (range && sameSpan(range, span, lines)) continue;
    range = { range: lines.range(span.offset, span.length), parent: range };
  }
  return range ?? { range: lines.range(offset, 0) };
}

function sameSpan(range: SelectionRange, span: Span, lines: LineIndex): boolean {
  const r = lines.range(span.offset, span.length);
  return (
    r.start.line === range.range.start.line &&
    r.start.character === range.range.start.character &&
    r.end.line === range.range.end.line &&
    r.end.character === range.range.end.character
  );
}
