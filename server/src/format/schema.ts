// Draft-07 JSON Schemas generated from the format table (`table.ts`), for people who validate
// with other tools (ajv, VS Code's json.schemas, CI linters). Nothing here repeats the table:
// statuses, fields, types, enums and docs are read from it; this file only knows how each
// field type is spelt in JSON Schema. `npm run schemas` writes the results to `schemas/`.
//
// Descriptions are Russian (the users' language, shown by editors on hover); the English text
// goes into `$comment`, the draft-07 keyword every validator ignores, so ajv's strict mode
// accepts the schemas without extra configuration.
import {
  NULL_REPORT_FIELDS,
  OBJECT_FIELDS,
  QUESTION_FIELDS,
  ROOT_FIELDS,
  STATUSES,
  type FieldSpec,
  type StatusSpec,
} from './table';

export type SchemaValue = string | number | boolean | null | SchemaValue[] | Schema;
export interface Schema {
  [keyword: string]: SchemaValue;
}

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';

/** GUID as Json.NET writes it: 8-4-4-4-12 hex digits, any letter case. */
export const GUID_PATTERN = '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$';

/**
 * ISO date `2016-11-16`, or the same with a time as a .NET serializer writes it
 * (`2016-11-16T00:00:00`; seconds, fractions and an offset optional — what the engine's
 * `rro/date-format` takes). The calendar (30 February) is `rro/date-invalid`, beyond a pattern.
 */
export const DATE_PATTERN =
  '^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])' +
  '(T([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\\.[0-9]{1,7})?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$';

/** The question code: the last four digits of the classifier code (§3.1; `002_*.txt` §6.3). */
export const CODE_PATTERN = '^[0-9]{4}$';

/**
 * One character outside the Base64 alphabet (§3.2.5: the file content in Base64); line breaks
 * and other whitespace are allowed because .NET skips them when decoding. Used under `not`:
 * a pattern with no quantifier is a plain scan in every regex engine, while any `[…]*` over the
 * whole value makes backtracking engines recurse per character and overflow their stack on a
 * multi-megabyte attachment (vscode-json-languageservice did, issue 14). Deliberately loose
 * (where `=` stands, the length a multiple of 4): the engine's `rro/attachment-content` checks it.
 */
export const NOT_BASE64_CHAR = '[^A-Za-z0-9+/=\\s]';

/** A path separator: the attachment name has no path (§3.2.5); used under `not`, like the above. */
export const PATH_SEPARATOR = '[\\\\/]';

/** Constraints a field's type alone does not carry, keyed `object.field`. */
const EXTRA: Readonly<Record<string, Schema>> = {
  // An empty number cannot identify the appeal (§3.3): the engine's `rro/empty-value` error.
  'appeal.number': { minLength: 1 },
  'question.code': { pattern: CODE_PATTERN },
  'attachment.name': { minLength: 1, not: { pattern: PATH_SEPARATOR } },
  'attachment.content': { minLength: 1, contentEncoding: 'base64', not: { pattern: NOT_BASE64_CHAR } },
  'nullReport.month': { minimum: 1, maximum: 12 },
};

function docs(field: FieldSpec): Schema {
  // Sections are format-document numbers (`3.2.5`) or already say where they come from (`spec §7`).
  const where = /^[0-9]/.test(field.section) ? `§${field.section}` : field.section;
  return { description: field.doc.ru, $comment: `en: ${field.doc.en} (${where})` };
}

/** JSON Schema `type` of a table field type. */
function jsonType(field: FieldSpec): string {
  switch (field.type) {
    case 'guid':
    case 'date':
    case 'enum':
    case 'string':
      return 'string';
    default:
      return field.type;
  }
}

/** The schema of one field; `nullable` fields also accept `null`, as integrations send for unused ones. */
function fieldSchema(owner: string, field: FieldSpec, nullable: boolean): Schema {
  const type = jsonType(field);
  const schema: Schema = { ...docs(field), type: nullable ? [type, 'null'] : type };
  if (field.type === 'guid') schema.pattern = GUID_PATTERN;
  if (field.type === 'date') schema.pattern = DATE_PATTERN;
  if (field.type === 'enum') schema.enum = nullable ? [...(field.values ?? []), null] : [...(field.values ?? [])];
  Object.assign(schema, EXTRA[`${owner}.${field.name}`] ?? {}, nestedObject(field));
  return schema;
}

/** The attachment and transfer objects (§3.2.5, §3.2.7): every property required, none `null`. */
function nestedObject(field: FieldSpec): Schema {
  return field.type === 'object' && field.holds ? strictObject(field.holds, OBJECT_FIELDS[field.holds]) : {};
}

function strictObject(owner: string, fields: readonly FieldSpec[]): Schema {
  const properties: Schema = {};
  for (const f of fields) properties[f.name] = fieldSchema(owner, f, false);
  return { properties, required: fields.map((f) => f.name), additionalProperties: false };
}

const NOT_NULL: Schema = { not: { type: 'null' } };

/** One `if/then` per status (§3.2): the fields that status requires, present and not `null`. */
function statusRule(status: StatusSpec): Schema {
  const then: Schema = {};
  if (status.requires.length) {
    then.required = [...status.requires];
    then.properties = Object.fromEntries(status.requires.map((name) => [name, NOT_NULL]));
  }
  return {
    description: `${status.id}: ${status.label.ru}`,
    $comment: `en: ${status.label.en}`,
    if: { properties: { status: { const: status.id } }, required: ['status'] },
    then,
  };
}

function questionSchema(): Schema {
  const properties: Schema = {};
  for (const f of QUESTION_FIELDS) {
    // `code` and `status` are always required; the rest depend on the status and may be `null`.
    const always = f.name === 'code' || f.name === 'status';
    properties[f.name] = fieldSchema('question', f, !always);
  }
  return {
    type: 'object',
    properties,
    required: ['code', 'status'],
    additionalProperties: false,
    allOf: STATUSES.map(statusRule),
  };
}

function root(title: string, titleEn: string, body: Schema): Schema {
  return { $schema: DRAFT_07, title, $comment: `en: ${titleEn}`, type: 'object', ...body };
}

/** `schemas/appeal.schema.json`: one appeal, as `Import` takes it (§3.1). */
export function appealSchema(): Schema {
  const properties: Schema = {};
  for (const f of ROOT_FIELDS)
    properties[f.name] = f.holds === 'question' ? questionsSchema(f) : fieldSchema('appeal', f, f.optional === true);
  return root('Обращение для импорта в РРО (формат 4.0, §3.1)', 'An appeal for the RRO import (format 4.0, §3.1)', {
    properties,
    required: ROOT_FIELDS.filter((f) => !f.optional).map((f) => f.name),
    // Stricter than the server, which ignores unknown properties: an unknown name is usually
    // a misspelt field whose data would be lost (the engine's `rro/unknown-property`).
    additionalProperties: false,
  });
}

function questionsSchema(field: FieldSpec): Schema {
  return { ...docs(field), type: 'array', minItems: 1, items: questionSchema() };
}

/** `schemas/null-report.schema.json`: the no-appeals report (spec §7 — an assumed layout). */
export function nullReportSchema(): Schema {
  const properties: Schema = {};
  for (const f of NULL_REPORT_FIELDS) properties[f.name] = fieldSchema('nullReport', f, false);
  return root(
    'Нулевой отчёт: обращений за месяц не было (предполагаемая структура, спецификация §7)',
    'No-appeals report for a month (an assumed layout, spec §7)',
    { properties, required: NULL_REPORT_FIELDS.map((f) => f.name), additionalProperties: false },
  );
}

/** The files `npm run schemas` writes, relative to the repository root, with their text. */
export function schemaFiles(): { path: string; text: string }[] {
  return [
    { path: 'schemas/appeal.schema.json', text: JSON.stringify(appealSchema(), null, 2) + '\n' },
    { path: 'schemas/null-report.schema.json', text: JSON.stringify(nullReportSchema(), null, 2) + '\n' },
  ];
}
