// Is this text ours? An appeal or a no-appeals report is recognised by its property names
// (any letter case, as the server reads them); anything else — package.json, tsconfig.json,
// a random data file — is `unknown` and, in the editor, gets nothing from us.
import type { JsonNode } from './json';
import type { DocumentKind } from './types';

const APPEAL_NAMES = new Set([
  'departmentid',
  'format',
  'number',
  'createdate',
  'name',
  'address',
  'isdirect',
  'email',
]);

export function detectKind(root: JsonNode | undefined): DocumentKind {
  if (root?.type !== 'object') return 'unknown';
  const names = new Set(root.children!.map((p) => String(p.children![0].value).toLowerCase()));
  if (names.has('questions')) return 'appeal';
  if (names.has('month') && (names.has('year') || names.has('departmentid'))) return 'null-report';
  let appealNames = 0;
  for (const n of names) if (APPEAL_NAMES.has(n)) appealNames++;
  if (names.has('departmentid') && (names.has('number') || names.has('createdate') || names.has('format')))
    return 'appeal';
  return appealNames >= 3 ? 'appeal' : 'unknown';
}

/**
 * When there is no tree at all (nesting too deep to read), the text itself decides: a file
 * that speaks of `questions` is a broken appeal and should say so in the editor too.
 */
export function sniffKind(text: string): DocumentKind {
  if (/"questions"\s*:/i.test(text)) return 'appeal';
  if (/"month"\s*:/i.test(text) && /"departmentId"\s*:/i.test(text)) return 'null-report';
  return 'unknown';
}
