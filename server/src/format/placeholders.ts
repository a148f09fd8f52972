// The value a field gets when a fix or a completion writes it for the user, per field type,
// written once: the engine's «add the missing fields» fix and the editor's completion agree.
// Valid where the type allows it (a date is the day given, an enum its first value); a string
// or GUID stays empty for the user to fill, and the checks then say so.
import type { FieldSpec } from './table';

/** `day`: the date to write for a date field (today, or the day that keeps the chain in order). */
export function placeholderValue(spec: FieldSpec, day: string): unknown {
  switch (spec.type) {
    case 'date':
      return day;
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
