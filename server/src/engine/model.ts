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

/** Lower-case forms of the format's names, made once (they are looked up for every object). */
const LOWER = new Map<string, string>();
function lower(name: string): string {
  let l = LOWER.get(name);
  if (l === undefined) LOWER.set(name, (l = name.toLowerCase()));
  return l;
}

export class ObjectView {
  readonly props: PropertyRef[];

  constructor(
    readonly node: JsonNode,
    readonly pointer: string,
  ) {
    this.props = (node.children ?? []).map((prop) => new Ref(prop, pointer));
  }

  /** The property the server would bind to `name`: exact spelling, else any letter case. */
  get(name: string): PropertyRef | undefined {
    for (const p of this.props) if (p.key === name) return p;
    // A miss is the common case (optional fields); compare letter-case-free only what could match.
    for (const p of this.props) if (p.key.length === name.length && p.key.toLowerCase() === lower(name)) return p;
    return undefined;
  }

  /** The value of `name` when it is present and not `null`. */
  value(name: string): JsonNode | undefined {
    const v = this.get(name)?.value;
    return v && v.type !== 'null' ? v : undefined;
  }

  /**
   * Pointer of `name` in this object, as the format spells it. The format's names hold no
   * `~` or `/`, so they need no escaping (this runs for every field checked).
   */
  pointerOf(name: string): string {
    return this.pointer + '/' + name;
  }
}

export function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}

export function objectView(node: JsonNode | undefined, pointer: string): ObjectView | undefined {
  return node?.type === 'object' ? new ObjectView(node, pointer) : undefined;
}
