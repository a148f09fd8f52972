// What the editor can still read in a document the engine could not: broken JSON that still
// speaks of `questions` is ours even when the parser's recovery lost the evidence; nesting deeper than any
// РРО document has (`"email": [[[[…]]]]` 513 levels down) leaves no tree, yet the rest of the
// appeal is fine. The over-deep brackets' insides are blanked with spaces (offsets unchanged)
// and the copy parsed again, so the outline, hover and completion show the readable part
// while the diagnostics still come from the real text (`rro/json-too-deep` at `""`).
import { detectKind, parseDocument, type DocumentKind, type JsonNode } from '../engine';
import { sniffKind } from '../engine/kind';
import { MAX_DEPTH } from '../engine/parse/fastParser';
import type { Snapshot } from './snapshot';

export interface Readable {
  root: JsonNode | undefined;
  kind: DocumentKind;
}

const made = new WeakMap<Snapshot, Readable>();

/** The snapshot's own tree and kind, or the readable part of a too-deep document. */
export function readable(snapshot: Snapshot): Readable {
  const { root, syntax } = snapshot.doc;
  // Broken JSON whose recovered tree no longer looks like ours: the text decides, as the CLI's.
  if (root && (snapshot.kind !== 'unknown' || syntax.length === 0)) return { root, kind: snapshot.kind };
  if (root) return { root, kind: sniffKind(snapshot.text) };
  let found = made.get(snapshot);
  if (!found) {
    const tooDeep = snapshot.doc.syntax.some((s) => s.code === 'too-deep');
    const root = tooDeep ? parseDocument(blankTooDeep(snapshot.text, MAX_DEPTH)).root : undefined;
    const kind = root ? detectKind(root) : 'unknown';
    found = { root, kind: kind === 'unknown' ? sniffKind(snapshot.text) : kind };
    made.set(snapshot, found);
  }
  return found;
}

/** The text with the insides of brackets at depth `limit` (and so everything deeper) blanked. */
export function blankTooDeep(text: string, limit: number): string {
  const out: string[] = [];
  let depth = 0;
  let from = 0;
  let blankFrom = -1;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++;
      else if (c === 34) inString = false;
      continue;
    }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      depth++;
      if (depth === limit && blankFrom < 0) blankFrom = i + 1;
    } else if (c === 125 || c === 93) {
      if (depth === limit && blankFrom >= 0) {
        out.push(text.slice(from, blankFrom), ' '.repeat(i - blankFrom));
        from = i;
        blankFrom = -1;
      }
      depth--;
    }
  }
  if (blankFrom >= 0) out.push(text.slice(from, blankFrom), ' '.repeat(text.length - blankFrom));
  else out.push(text.slice(from));
  return out.join('');
}
