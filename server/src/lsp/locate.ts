// Where the cursor is in the document tree: the chain of nodes down to it with their path
// (property names and array indexes), and what kind of object holds it — the format's
// vocabulary (appeal root, question, attachment, transfer, null report) for hover/completion.
import type { DocumentKind, JsonNode } from '../engine';
import { boundProperty, pointerOf } from '../engine/pointer';
import { objectAtPath } from '../format/shape';
import type { FormatObject } from '../format/table';

export type ObjectRole = FormatObject | 'other';

export interface Located {
  /** The innermost node at the offset (a key string, a value, an object…). */
  node: JsonNode;
  /** Property names and indexes from the root to `node`'s property (or item). */
  path: (string | number)[];
  /** When the offset is in a property key or value: that property. */
  property: JsonNode | undefined;
  /** True when `node` is the property's key. */
  onKey: boolean;
}

function contains(node: JsonNode, offset: number): boolean {
  return offset >= node.offset && offset <= node.offset + node.length;
}

export function locate(root: JsonNode | undefined, offset: number): Located | undefined {
  if (!root || !contains(root, offset)) return undefined;
  let node = root;
  const path: (string | number)[] = [];
  let property: JsonNode | undefined;
  let onKey = false;
  for (;;) {
    const children = node.children ?? [];
    if (node.type === 'object') {
      const prop = children.find((p) => contains(p, offset));
      if (!prop) break;
      const [key, value] = prop.children ?? [];
      path.push(String(key.value));
      property = prop;
      if (contains(key, offset)) {
        node = key;
        onKey = true;
        break;
      }
      if (!value || !contains(value, offset)) {
        node = prop;
        break;
      }
      node = value;
    } else if (node.type === 'array') {
      const index = children.findIndex((c) => contains(c, offset));
      if (index < 0) break;
      path.push(index);
      property = undefined;
      node = children[index];
    } else break;
  }
  return { node, path, property, onKey };
}

/** What kind of object sits at `path` (the table's shape, names bound in any letter case). */
export function roleAt(kind: DocumentKind, path: readonly (string | number)[]): ObjectRole {
  if (kind !== 'appeal' && kind !== 'null-report') return 'other';
  return objectAtPath(kind, path) ?? 'other';
}

export function pathPointer(path: readonly (string | number)[]): string {
  return pointerOf(...path);
}

/** The node at a path of the format's names, bound as the server binds them; indexes into arrays. */
export function nodeAtPath(root: JsonNode | undefined, path: readonly (string | number)[]): JsonNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'array' && typeof seg === 'number') node = node.children?.[seg];
    else if (node.type === 'object') node = boundProperty(node, String(seg))?.children?.[1];
    else return undefined;
  }
  return node;
}
