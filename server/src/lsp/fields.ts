// The format table seen from the cursor: which fields an object of a given role has, and
// which of them a question's status requires (read from the table, never copied).
import { fieldNamed, fieldsOfObject } from '../format/shape';
import { STATUS_ALIASES, STATUS_BY_ID, type FieldSpec, type StatusSpec } from '../format/table';
import type { ObjectRole } from './locate';

export function fieldsOf(role: ObjectRole): readonly FieldSpec[] {
  return fieldsOfObject(role);
}

export function fieldOf(role: ObjectRole, name: string): FieldSpec | undefined {
  return fieldNamed(role, name);
}

/** A status by its id, a known alias, or any letter case. */
export function statusSpec(value: string): StatusSpec | undefined {
  const exact = STATUS_BY_ID.get(value) ?? STATUS_BY_ID.get(STATUS_ALIASES[value] ?? '');
  if (exact) return exact;
  const lower = value.toLowerCase();
  for (const [id, spec] of STATUS_BY_ID) if (id.toLowerCase() === lower) return spec;
  return undefined;
}

/** Names a question with this status must carry, in the order they are written. */
export function requiredFields(role: ObjectRole, status: StatusSpec | undefined): string[] {
  if (role === 'question') return ['code', 'status', ...(status?.requires ?? [])];
  return fieldsOf(role)
    .filter((f) => !f.optional)
    .map((f) => f.name);
}
