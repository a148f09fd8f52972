// Checks every object of the format shares: known property names (unknown → warning, wrong
// letter case → hint, the server binds names case-insensitively), required properties,
// `null` where a value is required, and each value's JSON type.
import type { FieldSpec, FieldType } from '../../format/table';
import type { JsonNode } from '../json';
import type { ObjectView, PropertyRef } from '../model';
import type { Reporter } from '../report';
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

const NAMES = new WeakMap<readonly FieldSpec[], string[]>();

function namesOf(specs: readonly FieldSpec[]): string[] {
  let names = NAMES.get(specs);
  if (!names) NAMES.set(specs, (names = specs.map((s) => s.name)));
  return names;
}

export function checkPropertyNames(view: ObjectView, specs: readonly FieldSpec[], reporter: Reporter): void {
  const names = namesOf(specs);
  for (const p of view.props) {
    if (names.includes(p.key)) continue;
    const cased = caseMatch(p.key, names);
    if (cased) {
      reporter.report('rro/property-case', p.keyNode, p.pointer, {
        args: { name: p.key, expected: cased },
        fixes: [fix('fix.rename', [replaceNode(p.keyNode, cased)], true, { name: cased })],
      });
      continue;
    }
    const near = closest(p.key, names);
    reporter.report('rro/unknown-property', p.keyNode, p.pointer, {
      variant: near ? 'suggest' : undefined,
      args: near ? { name: p.key, expected: near } : { name: p.key },
      fixes: near ? [fix('fix.rename', [replaceNode(p.keyNode, near)], false, { name: near })] : undefined,
    });
  }
}

/** A placeholder value for a missing field, valid where it can be. */
export function placeholder(spec: FieldSpec, today: string): unknown {
  switch (spec.type) {
    case 'date':
      return today;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'integer':
      return 0;
    case 'enum':
      return spec.values?.[0] ?? '';
    case 'object':
      return {};
    default:
      return '';
  }
}

/**
 * Missing required properties: one finding each, at the pointer where the property should
 * be, with the object's range; each carries the fix that adds all of them in table order.
 */
export function checkRequired(
  view: ObjectView,
  required: readonly FieldSpec[],
  reporter: Reporter,
  text: string,
  placeholderFor: (spec: FieldSpec) => unknown,
): void {
  let missing: FieldSpec[] | undefined;
  for (const s of required) {
    const ref = view.get(s.name);
    if (!ref) (missing ??= []).push(s);
    else if (ref.value?.type === 'null')
      reporter.report('rro/null-value', ref.value, ref.pointer, { args: { name: s.name } });
  }
  if (missing) {
    const edit = appendProperties(
      text,
      view.node,
      missing.map((s) => [s.name, placeholderFor(s)]),
    );
    const addAll = fix('fix.addMissing', [edit], false, { names: missing.map((s) => s.name).join(', ') });
    for (const s of missing) {
      reporter.report('rro/required', view.node, view.pointerOf(s.name), { args: { name: s.name }, fixes: [addAll] });
    }
  }
}

/** The value of a field when present, not null and of the right JSON type; else reports and returns undefined. */
export function typedValue(ref: PropertyRef | undefined, spec: FieldSpec, reporter: Reporter): JsonNode | undefined {
  const value = ref?.value;
  if (!ref || !value || value.type === 'null') return undefined;
  const expected = JSON_TYPE[spec.type];
  if (value.type === expected && (spec.type !== 'integer' || Number.isInteger(value.value))) return value;
  reporter.report('rro/type', value, ref.pointer, {
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
