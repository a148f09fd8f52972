// "Several appeals in one file": a root array of appeals, or JSON values one after another
// (JSON Lines, or objects separated by commas without the brackets). The importer takes one
// appeal per file, so such a file is never imported; `rro split` and the editor's fix write
// each appeal to its own file — from the text as written, so nothing is re-serialised.
import type { JsonNode, Span } from './json';
import { severalKinds } from './kind';
import { parseDocument } from './parse/parseDocument';

/** The spans of the values one after another at the top level, or undefined when the text is not such a sequence. */
export function topLevelValues(text: string): Span[] | undefined {
  const spans: Span[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let expectValue = true;
  for (;;) {
    while (i < text.length && isSeparator(text.charCodeAt(i), expectValue)) {
      if (text.charCodeAt(i) === 44) expectValue = true;
      i++;
    }
    if (i >= text.length) break;
    const c = text.charCodeAt(i);
    if (c !== 123 && c !== 91) return undefined; // only objects and arrays are worth splitting
    const end = valueEnd(text, i);
    if (end < 0) return undefined;
    spans.push({ offset: i, length: end - i });
    i = end;
    expectValue = false;
  }
  return spans.length >= 2 ? spans : undefined;
}

/** Whitespace, the record separator of RFC 7464, and one comma between values. */
function isSeparator(c: number, expectValue: boolean): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0x1e || (c === 44 && !expectValue);
}

/** The offset after the bracketed value that starts at `start`, or -1 when it never closes. */
function valueEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92) i++;
    } else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The appeals of a "several" document, as spans of its text: the items of a root array, or
 * the values of a sequence. Undefined when the text is one document (or nothing of ours).
 */
export function severalParts(
  text: string,
  root: JsonNode | undefined,
  hasSyntaxErrors: boolean,
  expectRro = false,
): Span[] | undefined {
  if (root?.type === 'array') {
    const items = root.children ?? [];
    return severalKinds(items, expectRro) > 0 ? items.map((n) => ({ offset: n.offset, length: n.length })) : undefined;
  }
  if (!hasSyntaxErrors || (root !== undefined && root.type !== 'object')) return undefined;
  const spans = topLevelValues(text);
  if (!spans) return undefined;
  const roots: JsonNode[] = [];
  for (const s of spans) {
    const part = parseDocument(text.slice(s.offset, s.offset + s.length));
    if (part.root) roots.push(part.root);
  }
  return severalKinds(roots, expectRro) > 0 ? spans : undefined;
}

/**
 * Each part as a file's text: the value as written, its continuation lines moved left by the
 * indentation it had inside the array, and a final newline.
 */
export function partTexts(text: string, parts: readonly Span[]): string[] {
  return parts.map((p) => {
    const lineStart = text.lastIndexOf('\n', p.offset - 1) + 1;
    const indent = /^[ \t]*/.exec(text.slice(lineStart, p.offset))![0];
    const body = text.slice(p.offset, p.offset + p.length);
    const lines = body.split('\n');
    const moved = lines.map((l, i) => (i > 0 && indent && l.startsWith(indent) ? l.slice(indent.length) : l));
    return moved.join('\n') + '\n';
  });
}

/**
 * The texts of the appeals a document holds when it holds several, else undefined (for
 * `rro split`, where the file is named and so expected to be ours, and the editor's fix).
 */
export function splitDocument(text: string, expectRro = true): string[] | undefined {
  const doc = parseDocument(text);
  const parts = severalParts(text, doc.root, doc.syntax.length > 0, expectRro);
  return parts ? partTexts(text, parts) : undefined;
}
