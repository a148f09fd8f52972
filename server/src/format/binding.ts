// How the server binds a property name (spec §4): a property goes to the field of its name —
// spelled exactly so, else in any letter case — and when several properties name one field the
// later one wins (Json.NET sets it again). The format has no two names that differ only in letter
// case, so for one of its names the bound property is the later one equal in any letter case.
// This is the one case-free lookup; `engine/model.ts` does the same for a whole table in one pass.

/** The index of the item the server binds to `name` among items keyed by `keyOf`, or -1. */
export function boundIndex<T>(items: readonly T[], keyOf: (item: T) => unknown, name: string): number {
  const lower = name.toLowerCase();
  for (let i = items.length - 1; i >= 0; i--) {
    const key = keyOf(items[i]);
    if (key === name || (typeof key === 'string' && key.toLowerCase() === lower)) return i;
  }
  return -1;
}

/** The item the server binds to `name`, or undefined. */
export function boundItem<T>(items: readonly T[], keyOf: (item: T) => unknown, name: string): T | undefined {
  const i = boundIndex(items, keyOf, name);
  return i < 0 ? undefined : items[i];
}

/** A plain object's value the server binds to `name` (for bodies already parsed by `JSON.parse`). */
export function boundValue(object: Readonly<Record<string, unknown>>, name: string): unknown {
  return boundItem(Object.entries(object), ([key]) => key, name)?.[1];
}
