// Is this text ours? A document is an appeal or a no-appeals report when enough of the
// format's own fields AND values agree — a GUID `departmentId`, a known `format` or `status`,
// a topic code of the format's forms, an ISO date… (names in any letter case, as the server
// binds them). Property names alone prove nothing: `{"title":"Quiz","questions":[…]}`,
// contacts with `name`/`address`, `{"year":2026,"month":10}`, package.json stay `unknown`
// and, in the editor, get nothing from us. The points are written in the README («What is an
// РРО document»); tests hold an ordinary-JSON corpus that must stay unknown and damaged
// appeals that must still be recognised.
import { codeForm, isGroupedCode } from '../format/codes';
import { GUID } from '../format/patterns';
import { FORMAT_VALUES, QUESTION_FIELDS, STATUS_ALIASES, STATUS_IDS } from '../format/table';
import type { JsonNode } from './json';
import type { DocumentKind } from './types';

/** Points an appeal needs (an object whose content is judged as one). */
export const APPEAL_POINTS = 4;
/** Points a no-appeals report needs; it also needs a `departmentId` (or a GUID under another name) and a `year` or `month`. */
export const NULL_REPORT_POINTS = 3;

/** The format's GUID, here also in braces (`{…}`, as some systems write it): evidence, not validity. */
const IN_BRACES = /^\{?(.*?)\}?$/;
/** ISO, .NET, and the day-first dates 1C writes (`15.11.2016`): a date is evidence even when malformed. */
const DATE_LIKE = /^(?:\d{4}-\d{2}-\d{2}|\d{1,2}[./]\d{1,2}[./]\d{4})/;
const A26 = /^[AА]26/;
const LOWER_FORMATS = new Set(FORMAT_VALUES.map((v) => v.toLowerCase()));
const LOWER_STATUSES = new Set([...STATUS_IDS, ...Object.keys(STATUS_ALIASES)].map((v) => v.toLowerCase()));
/** Names only an appeal has: their presence rules out a no-appeals report. */
const APPEAL_ONLY = ['questions', 'number', 'createdate', 'format', 'isdirect'];
/** A question's dates (the table's `date` fields), lower-cased as `propsOf` keys them. */
const QUESTION_DATES = QUESTION_FIELDS.filter((f) => f.type === 'date').map((f) => f.name.toLowerCase());
/** Questions looked at for evidence: enough to judge, bounded for 89,000-question documents. */
const QUESTIONS_SAMPLED = 20;

type Props = Map<string, JsonNode | undefined>;

function propsOf(obj: JsonNode): Props {
  const props: Props = new Map();
  for (const p of obj.children ?? []) {
    // The later of several spellings wins, as the server binds them (`format/binding.ts`).
    props.set(String(p.children![0].value).toLowerCase(), p.children![1]);
  }
  return props;
}

const str = (n: JsonNode | undefined): string | undefined => (n?.type === 'string' ? (n.value as string) : undefined);
const isGuid = (n: JsonNode | undefined): boolean => GUID.test((str(n) ?? '').replace(IN_BRACES, '$1'));

/** Evidence that an object is an appeal (see the README for the table of points). */
export function appealPoints(props: Props): number {
  let points = 0;
  if (props.has('departmentid')) points += isGuid(props.get('departmentid')) ? 3 : 1;
  if (LOWER_FORMATS.has(str(props.get('format'))?.toLowerCase() ?? '')) points += 2;
  if (A26.test(str(props.get('number')) ?? '')) points += 2;
  if (props.has('createdate')) points += DATE_LIKE.test(str(props.get('createdate')) ?? '') ? 2 : 1;
  if (props.has('isdirect')) points += props.get('isdirect')?.type === 'boolean' ? 2 : 1;
  const questions = props.get('questions');
  if (questions?.type === 'array') points += 1 + questionPoints(questions);
  return points;
}

/** The best evidence any sampled question gives: a code of the format's forms, a known status, its dates. */
function questionPoints(array: JsonNode): number {
  let best = 0;
  for (const item of (array.children ?? []).slice(0, QUESTIONS_SAMPLED)) {
    if (item.type !== 'object') continue;
    const q = propsOf(item);
    const code = str(q.get('code')) ?? '';
    let points = codeForm(code) || isGroupedCode(code) ? 2 : 0;
    if (LOWER_STATUSES.has((str(q.get('status')) ?? '').replace(/\s+/g, '').toLowerCase())) points += 2;
    if (QUESTION_DATES.some((name) => q.has(name))) points += 1;
    best = Math.max(best, points);
    if (best >= 5) break;
  }
  return best;
}

/** Evidence that an object is a no-appeals report: `departmentId`, `year`, `month` and their values. */
export function nullReportPoints(props: Props): number {
  if (APPEAL_ONLY.some((n) => props.has(n))) return 0;
  let points = 0;
  if (props.has('departmentid')) points += isGuid(props.get('departmentid')) ? 3 : 1;
  else if ([...props.values()].some(isGuid)) points += 2; // a GUID under a misspelt name
  const year = props.get('year');
  const month = props.get('month');
  if (year !== undefined) points += isInteger(year, 1900, 2200) ? 1 : 0.5;
  if (month !== undefined) points += isInteger(month, 1, 12) ? 1 : 0.5;
  return points;
}

function isInteger(n: JsonNode, min: number, max: number): boolean {
  const v = n.type === 'number' ? (n.value as number) : n.type === 'string' ? Number(n.value) : NaN;
  return Number.isInteger(v) && v >= min && v <= max;
}

/** The kind of one object; `expectRro` (a named file, a ZIP entry) lowers the bar to any evidence. */
export function objectKind(obj: JsonNode, expectRro = false): DocumentKind {
  const props = propsOf(obj);
  const appeal = appealPoints(props);
  const report = nullReportPoints(props);
  const hasDepartment = props.has('departmentid') || [...props.values()].some(isGuid);
  const hasPeriod = props.has('year') || props.has('month');
  if (appeal >= APPEAL_POINTS && appeal >= report) return 'appeal';
  if (report >= NULL_REPORT_POINTS && hasDepartment && hasPeriod) return 'null-report';
  if (!expectRro) return 'unknown';
  // Expected to be ours: the closer shape is judged, so the findings say what is missing.
  if (hasPeriod && report >= 1.5 && report > appeal) return 'null-report';
  if (appeal >= 1) return 'appeal';
  return 'unknown';
}

export function detectKind(root: JsonNode | undefined, expectRro = false): DocumentKind {
  if (root?.type === 'object') return objectKind(root, expectRro);
  if (root?.type === 'array' && severalKinds(root.children ?? [], expectRro) > 0) return 'several';
  return 'unknown';
}

/** How many of these values are appeals or no-appeals reports by themselves (`expectRro`: by any evidence). */
export function severalKinds(values: readonly JsonNode[], expectRro = false): number {
  let n = 0;
  for (const v of values) if (v.type === 'object' && objectKind(v, expectRro) !== 'unknown') n++;
  return n;
}

/**
 * When there is no tree at all (nesting too deep to read), the text itself decides: a file
 * that speaks of `questions` is a broken appeal and should say so in the editor too.
 */
export function sniffKind(text: string): DocumentKind {
  if (/"questions"\s*:/i.test(text)) return 'appeal';
  if (/"month"\s*:/i.test(text) && /"departmentId"\s*:/i.test(text)) return 'null-report';
  return 'unknown';
}
