// Views over object nodes that know the format's property names: exact lookup first, then
// the case-insensitive match ASP.NET would make (spec §4), so `"Questions"` is still read.
import { propertyKey, propertyValue, type JsonNode } from './json';
import { childPointer } from './pointer';

export interface PropertyRef {
  /** The name as written in the document. */
  key: string;
  prop: JsonNode;
  keyNode: JsonNode;
  value: JsonNode | undefined;
  pointer: string;
}

export class ObjectView {
  readonly props: PropertyRef[];
  private readonly byLower = new Map<string, PropertyRef>();
  private readonly byExact = new Map<string, PropertyRef>();

  constructor(
    readonly node: JsonNode,
    readonly pointer: string,
  ) {
    this.props = (node.children ?? []).map((prop) => {
      const keyNode = propertyKey(prop);
      const key = String(keyNode.value);
      return { key, prop, keyNode, value: propertyValue(prop), pointer: childPointer(pointer, key) };
    });
    for (const p of this.props) {
      if (!this.byExact.has(p.key)) this.byExact.set(p.key, p);
      const lower = p.key.toLowerCase();
      if (!this.byLower.has(lower)) this.byLower.set(lower, p);
    }
  }

  /** The property the server would bind to `name`: exact spelling, else any letter case. */
  get(name: string): PropertyRef | undefined {
    return this.byExact.get(name) ?? this.byLower.get(name.toLowerCase());
  }

  /** The value of `name` when it is present and not `null`. */
  value(name: string): JsonNode | undefined {
    const v = this.get(name)?.value;
    return v && v.type !== 'null' ? v : undefined;
  }

  /** Pointer of `name` in this object, as the format spells it. */
  pointerOf(name: string): string {
    return childPointer(this.pointer, name);
  }
}

export function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function objectView(node: JsonNode | undefined, pointer: string): ObjectView | undefined {
  return node?.type === 'object' ? new ObjectView(node, pointer) : undefined;
}
