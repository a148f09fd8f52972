// Objects of the format bound the way the server binds them (spec §4): each property goes to
// the field of its name — exact spelling, else any letter case — and when several properties
// name one field the later one wins (Json.NET sets the property again). One pass over the
// object's properties does the binding; the rules then read fields by name without searching.
//
// Pointers are the document's own path: keys as written (decoded, RFC 6901 escaped), array
// indexes. They are built only when a finding needs one: a view knows its parent and the
// field it sits in, not its pointer string.
import type { FieldSpec } from '../format/table';
import { propertyKeyText, propertyValue, type JsonNode } from './json';
import { childPointer } from './pointer';

/** A format object's fields by name and by lower-case name, made once per table. */
export class FieldTable {
  readonly names: readonly string[];
  private readonly exact = new Map<string, number>();
  private readonly lower = new Map<string, number>();
  private readonly byName: Readonly<Record<string, number | undefined>>;
  /** One `undefined` per field: copied to start each object's bindings. */
  readonly empty: (JsonNode | undefined)[];

  constructor(readonly specs: readonly FieldSpec[]) {
    this.names = specs.map((s) => s.name);
    specs.forEach((s, i) => {
      this.exact.set(s.name, i);
      this.lower.set(s.name.toLowerCase(), i);
    });
    this.empty = specs.map(() => undefined);
    this.byName = Object.fromEntries(specs.map((s, i) => [s.name, i]));
  }

  /** The field index of a name as the document writes it, or -1. */
  exactIndex(key: string): number {
    return this.exact.get(key) ?? -1;
  }

  caseFreeIndex(key: string): number {
    return this.lower.get(key.toLowerCase()) ?? -1;
  }

  /**
   * The field index of one of the format's own names (a programming error when unknown). A
   * plain object, not the Map: callers pass constant names, and a property load with a
   * constant key is what V8 makes fastest once this is inlined.
   */
  indexOf(name: string): number {
    const i = this.byName[name];
    if (i === undefined) throw new Error(`no field ${name}`);
    return i;
  }
}

const TABLES = new WeakMap<readonly FieldSpec[], FieldTable>();

export function fieldTable(specs: readonly FieldSpec[]): FieldTable {
  let table = TABLES.get(specs);
  if (!table) TABLES.set(specs, (table = new FieldTable(specs)));
  return table;
}

/** The key of a property node, as written (escapes decoded). */
export function keyOf(prop: JsonNode): string {
  return propertyKeyText(prop);
}

export class ObjectView {
  /** Per field of the table: the property the server binds to it. */
  private readonly bound: (JsonNode | undefined)[];
  /** Properties not written exactly as a field is named: other letter case, or unknown. */
  oddNames: JsonNode[] | undefined = undefined;
  /** Properties the server does not bind because a later one names the same field. */
  shadowed: JsonNode[] | undefined = undefined;
  private ownPointer: string | undefined = undefined;

  /**
   * @param parent the view this object is a value of (none for the root)
   * @param parentField the field of `parent` that holds this object (or the array of it)
   * @param item this object's index in that array, or -1
   */
  constructor(
    public node: JsonNode,
    readonly table: FieldTable,
    private readonly parent: ObjectView | undefined = undefined,
    private readonly parentField = '',
    private item = -1,
  ) {
    this.bound = table.empty.slice();
    this.bind();
  }

  /**
   * The same view moved to another item of the same array (the question pass reuses one view
   * for all questions instead of making one per question). Nothing may keep the old binding.
   */
  moveTo(node: JsonNode, item: number): void {
    this.node = node;
    this.item = item;
    this.ownPointer = undefined;
    this.oddNames = undefined;
    this.shadowed = undefined;
    this.bound.fill(undefined);
    this.bind();
  }

  private bind(): void {
    const { bound, table } = this;
    let odd: JsonNode[] | undefined;
    let shadowed: JsonNode[] | undefined;
    const props = this.node.children!;
    for (let i = 0; i < props.length; i++) {
      const prop = props[i];
      const key = keyOf(prop);
      let f = table.exactIndex(key);
      if (f < 0) {
        (odd ??= []).push(prop);
        f = table.caseFreeIndex(key);
        if (f < 0) continue;
      }
      const earlier = bound[f];
      if (earlier !== undefined) (shadowed ??= []).push(earlier);
      bound[f] = prop;
    }
    this.oddNames = odd;
    this.shadowed = shadowed;
  }

  /** The property node the server binds to the field `name`. */
  prop(name: string): JsonNode | undefined {
    return this.bound[this.table.indexOf(name)];
  }

  /** The bound property of field number `index` (in table order). */
  propAt(index: number): JsonNode | undefined {
    return this.bound[index];
  }

  /** The value of `name` when it is present and not `null`. */
  value(name: string): JsonNode | undefined {
    const prop = this.bound[this.table.indexOf(name)];
    const v = prop && propertyValue(prop);
    return v && v.type !== 'null' ? v : undefined;
  }

  /** This object's pointer, as the document writes the path to it (made once, when asked). */
  pointer(): string {
    if (this.ownPointer !== undefined) return this.ownPointer;
    const base = this.parent ? this.parent.pointerOf(this.parentField) : '';
    return (this.ownPointer = this.item < 0 ? base : childPointer(base, this.item));
  }

  /**
   * The pointer of field `name`: its key as written when the property is there; when it is
   * missing, this object's pointer plus the format's name (where it should be).
   */
  pointerOf(name: string): string {
    const prop = this.prop(name);
    return childPointer(this.pointer(), prop ? keyOf(prop) : name);
  }

  /** The pointer of one of this object's property nodes. */
  pointerOfProp(prop: JsonNode): string {
    return childPointer(this.pointer(), keyOf(prop));
  }

  /** A view of the object held by field `name` (or item `item` of the array it holds). */
  child(node: JsonNode, table: FieldTable, field: string, item = -1): ObjectView {
    return new ObjectView(node, table, this, field, item);
  }
}

export function stringValue(node: JsonNode | undefined): string | undefined {
  return node?.type === 'string' ? (node.value as string) : undefined;
}
