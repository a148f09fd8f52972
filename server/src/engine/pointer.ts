// RFC 6901 JSON pointers: made from keys as the document writes them, and resolved back to nodes.
import { boundItem } from '../format/binding';
import type { JsonNode } from './json';

function escape(segment: string | number): string {
  if (typeof segment === 'number') return String(segment);
  // Most segments need no escaping; skip the regexes then.
  return segment.includes('~') || segment.includes('/') ? segment.replace(/~/g, '~0').replace(/\//g, '~1') : segment;
}

export function pointerOf(...segments: (string | number)[]): string {
  let out = '';
  for (const s of segments) out += '/' + escape(s);
  return out;
}

export function childPointer(base: string, segment: string | number): string {
  return base + '/' + escape(segment);
}

export function parsePointer(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
}

const keyOfProperty = (prop: JsonNode): unknown => prop.children?.[0]?.value;

/** The property of `object` the server binds to the format's field `name` (`format/binding.ts`). */
export function boundProperty(object: JsonNode, name: string): JsonNode | undefined {
  return boundItem(object.children ?? [], keyOfProperty, name);
}

/**
 * The property of `object` a pointer segment names: the key written exactly so (a shadowed
 * duplicate has a pointer of its own; of several, the later), else the one the server binds to
 * the field of that name (pointers written with the format's names, `/questions/0`).
 */
export function propertyNamed(object: JsonNode, name: string): JsonNode | undefined {
  const props = object.children ?? [];
  for (let i = props.length - 1; i >= 0; i--) if (keyOfProperty(props[i]) === name) return props[i];
  return boundProperty(object, name);
}

/**
 * The node a pointer names (see `propertyNamed` for property segments), or undefined. A
 * property the editor's recovering parse left without a value is named by its property node.
 */
export function nodeAtPointer(root: JsonNode | undefined, pointer: string): JsonNode | undefined {
  let node = root;
  for (const segment of parsePointer(pointer)) {
    if (node?.type === 'object') {
      const prop = propertyNamed(node, segment);
      node = prop && (prop.children?.[1] ?? prop);
    } else if (node?.type === 'array' && /^(0|[1-9]\d*)$/.test(segment)) node = node.children?.[Number(segment)];
    else return undefined;
  }
  return node;
}
