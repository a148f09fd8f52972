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

function recover(text: string, bom: boolean, failure: SyntaxFailure): ParsedDocument {
  const base = { text, bom, comments: [], trailingCommas: [] };
  // jsonc-parser recurses per level: never hand it a document deeper than we allow.
  if (failure.code === 'too-deep' || maxDepth(text) > MAX_DEPTH) {
    return { ...base, root: undefined, syntax: [{ offset: failure.offset, length: 1, code: 'too-deep' }] };
  }
  const errors: ParseError[] = [];
  const source = bom ? ' ' + text.slice(1) : text;
  const root = parseTree(source, errors, { allowTrailingComma: true, disallowComments: false }) as JsonNode | undefined;
  const syntax: SyntaxProblem[] = errors.map((e) => ({ offset: e.offset, length: Math.max(e.length, 1), code: printParseErrorCode(e.error) }));
  if (syntax.length === 0) syntax.push({ offset: failure.offset, length: 1, code: failure.code });
  return { ...base, root, syntax };
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
