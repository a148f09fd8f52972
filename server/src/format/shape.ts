// The document's shape read from the table: which object sits at a path of field names and
// indexes (`questions/0/transfer` → a transfer). Names bind in any letter case, as the server
// binds them; `holds` in the table says which field holds which object.
import { boundItem } from './binding';
import { OBJECT_FIELDS, type FieldSpec, type FormatObject } from './table';

/** The fields of an object, or none for what is not an object of the format. */
export function fieldsOfObject(object: FormatObject | 'other'): readonly FieldSpec[] {
  return object === 'other' ? [] : OBJECT_FIELDS[object];
}

/** The field of `object` that `name` binds to, in any letter case. */
export function fieldNamed(object: FormatObject | 'other', name: string): FieldSpec | undefined {
  return boundItem(fieldsOfObject(object), (f) => f.name, name);
}

/** The object at `path` below a document whose root is `root`, or undefined when it is none of the format's. */
export function objectAtPath(root: FormatObject, path: readonly (string | number)[]): FormatObject | undefined {
  let object = root;
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const field = typeof segment === 'string' ? fieldNamed(object, segment) : undefined;
    if (!field?.holds) return undefined;
    // An array field holds one object per item: the next segment must be an index.
    if (field.type === 'array' && typeof path[++i] !== 'number') return undefined;
    object = field.holds;
  }
  return object;
}
