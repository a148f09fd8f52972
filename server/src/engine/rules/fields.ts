// Checks every object of the format shares: known property names (unknown → warning, wrong
// letter case → hint, the server binds names case-insensitively), required properties,
// `null` where a value is required, and each value's JSON type.
import { placeholderValue } from '../../format/placeholders';
import type { FieldSpec, FieldType } from '../../format/table';
import { propertyKey, propertyValue, type JsonNode } from '../json';
import { keyOf, type ObjectView } from '../model';
import type { Reporter } from '../report';
import type { RuleContext } from './context';
import { appendProperties, fix, replaceNode } from './edits';
import { caseMatch, closest } from './suggest';

const JSON_TYPE: Readonly<Record<FieldType, JsonNode['type']>> = {
  guid: 'string',
  string: 'string',
  date: 'string',
  enum: 'string',
  array: 'array',
  object: 'object',
  boolean: 'boolean',
  integer: 'number',
};

/**
 * Names the server binds differently from how they are written: a field given twice in
 * different letter case (the earlier one is lost: `rro/duplicate-key`; exact repeats the
 * parser reports), another letter case (hint), an unknown name (warning, with a near name).
 */
export function checkPropertyNames(view: ObjectView, reporter: Reporter): void {
  const shadowed = view.shadowed;
  if (shadowed) {
    for (const prop of shadowed) {
      const kept = view.prop(view.table.names[view.table.caseFreeIndex(keyOf(prop))])!;
      if (keyOf(kept) === keyOf(prop)) continue;
      const keyNode = propertyKey(prop);
      reporter.report('rro/duplicate-key', keyNode, view.pointerOfProp(prop), {
        variant: 'case',
        args: { name: keyOf(prop), other: keyOf(kept) },
      });
    }
  }
  const odd = view.oddNames;
  if (!odd) return;
  const names = view.table.names;
  for (const prop of odd) {
    const key = keyOf(prop);
    const keyNode = propertyKey(prop);
    const cased = caseMatch(key, names);
    if (cased) {
      if (shadowed?.includes(prop)) continue;
      reporter.report('rro/property-case', keyNode, view.pointerOfProp(prop), {
        args: { name: key, expected: cased },
        fixes: [fix('fix.rename', [replaceNode(keyNode, cased)], true, { name: cased })],
      });
      continue;
    }
    const near = closest(key, names);
    reporter.report('rro/unknown-property', keyNode, view.pointerOfProp(prop), {
      variant: near ? 'suggest' : undefined,
      args: near ? { name: key, expected: near } : { name: key },
      fixes: near ? [fix('fix.rename', [replaceNode(keyNode, near)], false, { name: near })] : undefined,
    });
  }
}

/** A placeholder value for a missing field, valid where it can be (the format's, `format/placeholders.ts`). */
export const placeholder = placeholderValue;

/**
 * Missing required properties: one finding each, at the pointer where the property should
 * be, with the object's range; each carries the fix that adds all of them in table order.
 */
export function checkRequired(
  view: ObjectView,
  required: readonly FieldSpec[],
  ctx: RuleContext,
  placeholderFor: (spec: FieldSpec, today: string) => unknown = placeholder,
): void {
  const { reporter, text } = ctx;
  let missing: FieldSpec[] | undefined;
  for (const s of required) {
    const prop = view.prop(s.name);
    const value = prop && propertyValue(prop);
    if (!prop) (missing ??= []).push(s);
    else if (value?.type === 'null')
      reporter.report('rro/null-value', value, view.pointerOfProp(prop), { args: { name: s.name } });
  }
  if (missing) {
    const edit = appendProperties(
      text,
      view.node,
      missing.map((s) => [s.name, placeholderFor(s, ctx.options.today)]),
    );
    const addAll = fix('fix.addMissing', [edit], false, { names: missing.map((s) => s.name).join(', ') });
    for (const s of missing) {
      reporter.report('rro/required', view.node, view.pointerOf(s.name), { args: { name: s.name }, fixes: [addAll] });
    }
  }
}

/** The value of a field when present, not null and of the right JSON type; else reports and returns undefined. */
export function typedValue(view: ObjectView, name: string, reporter: Reporter): JsonNode | undefined {
  const index = view.table.indexOf(name);
  const prop = view.propAt(index);
  const value = prop && propertyValue(prop);
  if (!value || value.type === 'null') return undefined;
  const spec = view.table.specs[index];
  const expected = JSON_TYPE[spec.type];
  if (value.type === expected && (spec.type !== 'integer' || Number.isInteger(value.value))) return value;
  reporter.report('rro/type', value, view.pointerOfProp(prop), {
    variant: spec.type,
    args: { name: spec.name, expected: spec.type },
    fixes: typeFix(value, spec),
  });
  return undefined;
}

function typeFix(value: JsonNode, spec: FieldSpec) {
  if (spec.type === 'boolean' && value.type === 'string' && /^(true|false)$/i.test(String(value.value))) {
    const b = String(value.value).toLowerCase() === 'true';
    return [fix('fix.replaceWith', [replaceNode(value, b)], true, { value: String(b) })];
  }
  if (spec.type === 'integer' && value.type === 'string' && /^\d+$/.test(String(value.value))) {
    const n = Number(value.value);
    return [fix('fix.replaceWith', [replaceNode(value, n)], true, { value: String(n) })];
  }
  if (JSON_TYPE[spec.type] === 'string' && value.type === 'number') {
    const s = String(value.value);
    return [fix('fix.replaceWith', [replaceNode(value, s)], false, { value: JSON.stringify(s) })];
  }
  return undefined;
}
