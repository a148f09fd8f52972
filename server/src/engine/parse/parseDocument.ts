// Text → tree, once per document version. The fast parser handles valid JSON (with the
// comments and trailing commas Json.NET accepts); broken JSON goes to jsonc-parser, whose
// recovery keeps a partial tree so the other rules still speak about the valid part.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import type { JsonNode, Span } from '../json';
import { fastParse, MAX_DEPTH, SyntaxFailure } from './fastParser';

export interface SyntaxProblem {
  offset: number;
  length: number;
  /** `unexpected`, `too-deep`, … or a jsonc-parser error code name. */
  code: string;
}

export interface ParsedDocument {
  text: string;
  /** The text starts with U+FEFF. */
  bom: boolean;
  root: JsonNode | undefined;
  comments: Span[];
  trailingCommas: number[];
  /** Key nodes that repeat an earlier key of the same object. */
  duplicateKeys: JsonNode[];
  syntax: SyntaxProblem[];
}

export function parseDocument(text: string): ParsedDocument {
  const bom = text.charCodeAt(0) === 0xfeff;
  const start = bom ? 1 : 0;
  try {
    const fast = fastParse(text, start);
    return { text, bom, ...fast, syntax: [] };
  } catch (e) {
    if (!(e instanceof SyntaxFailure)) throw e;
    return recover(text, bom, e);
  }
}

/** A problem's span, kept inside the text (errors at the end of the text point at its end). */
function within(text: string, offset: number, length: number, code: string): SyntaxProblem {
  const at = Math.min(Math.max(offset, 0), text.length);
  return { offset: at, length: Math.min(Math.max(length, 1), text.length - at), code };
}

function recover(text: string, bom: boolean, failure: SyntaxFailure): ParsedDocument {
  const base = { text, bom, comments: [], trailingCommas: [], duplicateKeys: [] };
  // jsonc-parser recurses per level: never hand it a document deeper than we allow.
  if (failure.code === 'too-deep' || maxDepth(text) > MAX_DEPTH) {
    return { ...base, root: undefined, syntax: [within(text, failure.offset, 1, 'too-deep')] };
  }
  const errors: ParseError[] = [];
  const source = bom ? ' ' + text.slice(1) : text;
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false }) as JsonNode | undefined;
  if (root) clampTree(root, text.length);
  const duplicateKeys = root ? findDuplicateKeys(root) : [];
  const syntax = errors.map((e) => within(text, e.offset, e.length, printParseErrorCode(e.error)));
  if (syntax.length === 0) syntax.push(within(text, failure.offset, 1, failure.code));
  return { ...base, root, duplicateKeys, syntax };
}

/** The fast parser finds repeated keys as it reads; a recovered tree is walked for them. */
function findDuplicateKeys(root: JsonNode): JsonNode[] {
  const found: JsonNode[] = [];
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'object') {
      const seen = new Set<unknown>();
      for (const prop of node.children ?? []) {
        const key = prop.children?.[0];
        if (key && seen.has(key.value)) found.push(key);
        if (key) seen.add(key.value);
      }
    }
    if (node.children) stack.push(...node.children);
  }
  return found;
}

/** jsonc-parser can let a recovered node run past the end (an unclosed comment): keep spans inside. */
function clampTree(root: JsonNode, end: number): void {
  const stack = [root];
  while (stack.length) {
    const node = stack.pop()!;
    node.offset = Math.min(node.offset, end);
    node.length = Math.min(node.length, end - node.offset);
    if (node.children) stack.push(...node.children);
  }
}

/** Bracket depth outside strings; only run on the (rare) error path. */
function maxDepth(text: string): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) max = Math.max(max, ++depth);
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}
