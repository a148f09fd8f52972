// The user's full topic classifier (spec §6: about a thousand questions, kept in the body's
// СЭД, not shipped with us). Accepted as CSV (`;`, `,` or tab; quoted fields; header row
// optional) or JSON (an array of `{code, name}`, an object `code → name`, or those under
// `items`/`data`/`value`/… and in `children` trees), in UTF-8 or Windows-1251. Questions
// carry the last four digits of a full code (`0001.0002.0027.0147` → `0147`), so the result
// maps those four digits to the full entries.
import { parse as parseJsonc, type ParseError } from 'jsonc-parser';
import { CsvSyntaxError, parseCsv, type CsvRow } from './classifierCsv';
import { decodeBytes } from './decode';
import { LineIndex } from './positions';
import type { Classifier } from './types';
import { codeLevel, questionNumber } from '../format/codes';

export type ClassifierErrorCode = 'unreadable' | 'json' | 'csv-quote' | 'bad-code' | 'no-columns' | 'empty';

/** Why a classifier file was refused; `args` carry `line`/`column` (1-based) where known. */
export class ClassifierError extends Error {
  constructor(
    readonly code: ClassifierErrorCode,
    readonly args: Readonly<Record<string, string | number>> = {},
  ) {
    super(`classifier: ${code} ${JSON.stringify(args)}`);
    this.name = 'ClassifierError';
  }
}

export interface ClassifierEntry {
  fullCode: string;
  name: string;
}

/** `0147`, `0001.0002`, `0001.0002.0027.0147`: groups of four digits. */
const CODE = /^\d{4}(?:\.\d{4})*$/;
/** Classifier questions sit at the fourth level (раздел.тематика.тема.вопрос). */
const QUESTION_LEVEL = 4;
const CODE_KEYS = ['fullcode', 'full_code', 'code', 'kod', 'код', 'шифр'];
const PARENT_KEYS = ['parent_code', 'parentcode', 'parent', 'parent_id', 'parentid', 'код_родителя'];
const NAME_KEYS = ['name', 'title', 'text', 'caption', 'value', 'наименование', 'название', 'имя', 'вопрос'];

/** A classifier from a file's bytes (reading the file is the front doors' part: `check/classifierFile.ts`). */
export function parseClassifier(bytes: Uint8Array): Classifier {
  let text = decodeBytes(bytes).text;
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const first = text.trimStart()[0];
  const entries = first === '[' || first === '{' ? entriesFromJson(text) : entriesFromCsv(text);
  return buildClassifier(entries);
}

/**
 * A hierarchical file (sections, themes, topics, questions, refinements: раздел.тематика.тема.
 * вопрос[.уточнение]) gives every full code exactly and, per question number, the
 * question-level entries it may stand for; a file of bare 4-digit codes is taken as it is.
 */
export function buildClassifier(entries: readonly ClassifierEntry[]): Classifier {
  if (entries.length === 0) throw new ClassifierError('empty');
  const hasQuestions = entries.some((e) => codeLevel(e.fullCode) === QUESTION_LEVEL);
  const byShortCode = new Map<string, ClassifierEntry[]>();
  const byFullCode = new Map<string, string>();
  let size = 0;
  for (const e of entries) {
    if (hasQuestions) {
      if (!byFullCode.has(e.fullCode)) byFullCode.set(e.fullCode, e.name);
      if (codeLevel(e.fullCode) !== QUESTION_LEVEL) continue;
    }
    const short = hasQuestions ? questionNumber(e.fullCode) : e.fullCode.slice(-4);
    const list = byShortCode.get(short) ?? [];
    if (list.some((x) => x.fullCode === e.fullCode)) continue;
    list.push(e);
    byShortCode.set(short, list);
    size++;
  }
  return { byShortCode, byFullCode, size };
}

// ---- JSON ----------------------------------------------------------------------------------

function entriesFromJson(text: string): ClassifierEntry[] {
  const errors: ParseError[] = [];
  const data: unknown = parseJsonc(text, errors, { allowTrailingComma: true });
  if (errors.length > 0) {
    const at = new LineIndex(text).position(errors[0].offset);
    throw new ClassifierError('json', { line: at.line + 1, column: at.character + 1 });
  }
  const out: RawEntry[] = [];
  collect(data, out, 0, undefined);
  return withParents(out);
}

/** An entry as the file writes it: its code may be its own group only, under a parent. */
interface RawEntry extends ClassifierEntry {
  /** The parent's code as a flat list gives it (`parent_code`). */
  parent?: string;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `0147` under `0001.0002.0027` is `0001.0002.0027.0147`; a dotted code is already full and stays. */
function under(parent: string | undefined, code: string): string {
  return parent && !code.includes('.') ? `${parent}.${code}` : code;
}

/**
 * Walks any nesting of arrays, `{items: […]}` wrappers, `children` trees (an entry's own
 * group under its parent's code) and code → name maps.
 */
function collect(value: unknown, out: RawEntry[], depth: number, parent: string | undefined): void {
  if (depth > 64) return; // a classifier is a few levels deep; do not chase pathological input
  if (Array.isArray(value)) {
    for (const item of value) {
      if (Array.isArray(item) && item.length >= 2 && codeText(item[0]) && typeof item[1] === 'string') {
        out.push({ fullCode: under(parent, codeText(item[0])!), name: item[1].trim() });
      } else collect(item, out, depth + 1, parent);
    }
    return;
  }
  if (!isRecord(value)) return;
  const keys = Object.keys(value);
  const codeKey = firstKey(keys, CODE_KEYS, (k) => codeText(value[k]) !== undefined);
  const nameKey = firstKey(keys, NAME_KEYS, (k) => typeof value[k] === 'string');
  let here = parent;
  if (codeKey && nameKey) {
    here = under(parent, codeText(value[codeKey])!);
    const parentKey = parent ? undefined : firstKey(keys, PARENT_KEYS, (k) => codeText(value[k]) !== undefined);
    const entry: RawEntry = { fullCode: here, name: String(value[nameKey]).trim() };
    if (parentKey) entry.parent = codeText(value[parentKey]);
    out.push(entry);
  } else if (!codeKey && keys.length > 0 && keys.every((k) => codeText(k) !== undefined)) {
    for (const k of keys) {
      const v = value[k];
      if (typeof v === 'string') out.push({ fullCode: under(parent, codeText(k)!), name: v.trim() });
      else collect(v, out, depth + 1, under(parent, codeText(k)!));
    }
    return;
  }
  for (const k of keys) if (typeof value[k] === 'object') collect(value[k], out, depth + 1, here);
}

/** A flat list of `{code, name, level, parent_code}` whose codes are their own group only: full codes from the parents. */
function withParents(raw: readonly RawEntry[]): ClassifierEntry[] {
  if (!raw.some((e) => e.parent)) return raw.map(({ fullCode, name }) => ({ fullCode, name }));
  const byCode = new Map<string, RawEntry>();
  for (const e of raw) if (!byCode.has(e.fullCode)) byCode.set(e.fullCode, e);
  const resolved = new Map<RawEntry, string>();
  const resolve = (e: RawEntry, depth: number): string => {
    const known = resolved.get(e);
    if (known !== undefined) return known;
    const p = e.parent ? byCode.get(e.parent) : undefined;
    const parentCode =
      e.parent === undefined ? undefined : p && p !== e && depth < 8 ? resolve(p, depth + 1) : e.parent;
    const full = under(parentCode, e.fullCode);
    resolved.set(e, full);
    return full;
  };
  return raw.map((e) => ({ fullCode: resolve(e, 0), name: e.name }));
}

/** The key that matches the earliest candidate name (any letter case) and `ok`. */
function firstKey(
  keys: readonly string[],
  candidates: readonly string[],
  ok: (key: string) => boolean,
): string | undefined {
  for (const c of candidates) {
    const key = keys.find((k) => k.toLowerCase() === c && ok(k));
    if (key !== undefined) return key;
  }
  return undefined;
}

/** A code as text; a JSON number loses leading zeros (`147`), so short numbers are padded. */
function codeText(v: unknown): string | undefined {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 9999) return String(v).padStart(4, '0');
  if (typeof v !== 'string') return undefined;
  const s = v.trim();
  return CODE.test(s) ? s : undefined;
}

// ---- CSV -----------------------------------------------------------------------------------

function entriesFromCsv(text: string): ClassifierEntry[] {
  let rows: CsvRow[];
  try {
    rows = parseCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new ClassifierError('csv-quote', { line: e.line });
    throw e;
  }
  if (rows.length === 0) throw new ClassifierError('empty');
  const columns = findColumns(rows);
  const out: RawEntry[] = [];
  for (const row of rows.slice(columns.headerRows)) {
    const raw = (row.cells[columns.code] ?? '').trim();
    if (raw === '') continue; // a title row of a section
    const code = codeText(raw);
    if (!code)
      throw new ClassifierError('bad-code', { line: row.line, column: columns.code + 1, value: raw.slice(0, 40) });
    const entry: RawEntry = { fullCode: code, name: (row.cells[columns.name] ?? '').trim() };
    const parent = columns.parent === undefined ? undefined : codeText(row.cells[columns.parent] ?? '');
    if (parent) entry.parent = parent;
    out.push(entry);
  }
  return withParents(out);
}

interface Columns {
  code: number;
  name: number;
  /** A `parent_code` column, when the codes are each entry's own group only. */
  parent?: number;
  headerRows: number;
}

function findColumns(rows: readonly CsvRow[]): Columns {
  const head = rows[0].cells.map((c) => c.trim().toLowerCase());
  const codeByHeader = head.findIndex((c) => CODE_KEYS.includes(c.replace(/\s+/g, '')) || c.startsWith('код'));
  const nameByHeader = head.findIndex((c) => NAME_KEYS.includes(c) || c.startsWith('наимен'));
  if (codeByHeader >= 0) {
    const name = nameByHeader >= 0 ? nameByHeader : codeByHeader + 1;
    const parent = head.findIndex((c) => PARENT_KEYS.includes(c.replace(/\s+/g, '')));
    return { code: codeByHeader, name, headerRows: 1, ...(parent >= 0 ? { parent } : {}) };
  }
  // No recognisable header: the first cell that holds a code (in the first or second row,
  // the first one may be an unnamed header) is the code column, the next one the name.
  for (const [index, row] of rows.slice(0, 2).entries()) {
    const code = row.cells.findIndex((c) => codeText(c) !== undefined);
    if (code >= 0) return { code, name: code + 1, headerRows: index };
  }
  throw new ClassifierError('no-columns', { line: rows[0].line });
}
