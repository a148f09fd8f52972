// Folding ranges: every object and array that spans lines (the appeal, each question, its
// attachment and transfer), closing bracket left visible, as VS Code folds JSON.
import type { FoldingRange } from 'vscode-languageserver/node';
import type { JsonNode, LineIndex } from '../engine';

export function foldingRanges(root: JsonNode | undefined, lines: LineIndex): FoldingRange[] {
  const out: FoldingRange[] = [];
  const stack = root ? [root] : [];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object' || node.type === 'array') {
      const startLine = lines.position(node.offset).line;
      const endLine = lines.position(node.offset + node.length - 1).line - 1;
      if (endLine > startLine) out.push({ startLine, endLine });
    }
    if (node.children) stack.push(...node.children);
  }
  out.sort((a, b) => a.startLine - b.startLine);
  return out;
}
