// Text helpers for the protocol tests: positions of substrings and applying LSP edits.
import type { Position, TextEdit } from 'vscode-languageserver-protocol/node';

export function positionAt(text: string, offset: number): Position {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

export function offsetAt(text: string, position: Position): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < position.line; i++) offset += lines[i].length + 1;
  return offset + position.character;
}

/** The position `delta` characters into the first occurrence of `needle` (after `from`). */
export function find(text: string, needle: string, delta = 0, from = 0): Position {
  const at = text.indexOf(needle, from);
  if (at < 0) throw new Error(`"${needle}" not in the text`);
  return positionAt(text, at + delta);
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const sorted = edits
    .map((e) => ({ start: offsetAt(text, e.range.start), end: offsetAt(text, e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of sorted) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}
