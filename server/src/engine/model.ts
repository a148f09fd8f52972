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
  /** This property's pointer (made on first use: most properties never need one). */
  readonly pointer: string;
}

class Ref implements PropertyRef {
  readonly key: string;
  readonly keyNode: JsonNode;
  readonly value: JsonNode | undefined;

  constructor(
    readonly prop: JsonNode,
    private readonly parentPointer: string,
  ) {
    this.keyNode = propertyKey(prop);
    this.key = String(this.keyNode.value);
    this.value = propertyValue(prop);
  }

  get pointer(): string {
    return childPointer(this.parentPointer, this.key);
  }
}

export class ObjectView {
  readonly props: PropertyRef[];
  /** Lower-case keys, index for index with `props` (objects here have a handful of keys). */
  private lower: string[] | undefined;

  constructor(
    readonly node: JsonNode,
    readonly pointer: string,
  ) {
    this.props = (node.children ?? []).map((prop) => new Ref(prop, pointer));
  }

  /** The property the server would bind to `name`: exact spelling, else any letter case. */
  get(name: string): PropertyRef | undefined {
    for (const p of this.props) if (p.key === name) return p;
    this.lower ??= this.props.map((p) => p.key.toLowerCase());
    const i = this.lower.indexOf(name.toLowerCase());
    return i >= 0 ? this.props[i] : undefined;
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
