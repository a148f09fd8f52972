// The document tree: the same shape jsonc-parser's `Node` has, so the fast parser and the
// jsonc-parser fallback produce interchangeable trees.

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  /** For `property`: the offset of the colon. */
  colonOffset?: number;
  /** For literals: the value. For a property it is unused. */
  value?: unknown;
  parent?: JsonNode;
  /** Object: its properties. Property: [key, value?]. Array: its items. */
  children?: JsonNode[];
}

export interface Span {
  offset: number;
  length: number;
}

/** A property node's key (its first child) and value (second child, when present). */
export function propertyKey(prop: JsonNode): JsonNode {
  return prop.children![0];
}

export function propertyValue(prop: JsonNode): JsonNode | undefined {
  const fast = (prop as FastPropertyFields).valueNode;
  return fast !== undefined ? fast : prop.children![1];
}

/** A property's key as written (escapes decoded), without making its key node. */
export function propertyKeyText(prop: JsonNode): string {
  const fast = (prop as FastPropertyFields).keyText;
  return fast !== undefined ? fast : String(prop.children![0].value);
}

/** What the fast parser's properties carry beside the `JsonNode` fields (parse/fastParser.ts). */
interface FastPropertyFields {
  keyText?: string;
  valueNode?: JsonNode;
}

export function isObject(node: JsonNode | undefined): node is JsonNode & { children: JsonNode[] } {
  return node?.type === 'object';
}
