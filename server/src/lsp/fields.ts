// The format table seen from the cursor: which fields an object of a given role has, and
// which of them a question's status requires (read from the table, never copied).
import {
  ATTACHMENT_FIELDS,
  NULL_REPORT_FIELDS,
  QUESTION_FIELDS,
  ROOT_FIELDS,
  STATUS_ALIASES,
  STATUS_BY_ID,
  TRANSFER_FIELDS,
  type FieldSpec,
  type StatusSpec,
} from '../format/table';
import type { ObjectRole } from './locate';

export function fieldsOf(role: ObjectRole): readonly FieldSpec[] {
  switch (role) {
    case 'appeal':
      return ROOT_FIELDS;
    case 'question':
      return QUESTION_FIELDS;
    case 'attachment':
      return ATTACHMENT_FIELDS;
    case 'transfer':
      return TRANSFER_FIELDS;
    case 'null-report':
      return NULL_REPORT_FIELDS;
    default:
      return [];
  }
}

export function fieldOf(role: ObjectRole, name: string): FieldSpec | undefined {
  const lower = name.toLowerCase();
  return fieldsOf(role).find((f) => f.name.toLowerCase() === lower);
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
