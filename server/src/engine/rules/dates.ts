// Dates (§3.2; spec §5): any ISO-8601 date or date-time (`YYYY-MM-DD`, .NET's
// `YYYY-MM-DDT00:00:00`, a time, a zone); the calendar date as written is compared. What a
// time or a zone means is said by dateForms.ts.
import type { JsonNode } from '../json';
import type { ObjectView } from '../model';
import type { Reporter } from '../report';
import { parseIsoDate } from '../../format/dates';
import { checkDateMeaning } from './dateForms';
import { fix, replaceNode } from './edits';

/** Russian habit (`15.11.2016`) and a few other day-first/slash forms worth a fix. */
const DAY_FIRST = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/;
const SLASHED = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/;

function isValidDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** `YYYY-MM-DD` of a valid date, or undefined. */
export function isoDay(y: number, m: number, d: number): string | undefined {
  if (!isValidDay(y, m, d)) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/**
 * Check one date value; returns its day (`YYYY-MM-DD`) when it is a valid date, so the
 * ordering rules can compare it.
 */
export function checkDate(
  value: JsonNode,
  view: ObjectView,
  name: string,
  reporter: Reporter,
  today: string,
): string | undefined {
  const s = String(value.value);
  const iso = isCommonForm(s) ? undefined : parseIsoDate(s);
  if (iso || isCommonForm(s)) {
    const valid = isValidDay(digits(s, 0, 4), digits(s, 5, 7), digits(s, 8, 10));
    const day = valid ? (s.length === 10 ? s : s.slice(0, 10)) : undefined;
    if (!day) {
      reporter.report('rro/date-invalid', value, view.pointerOf(name), { args: { name, value: s } });
      return undefined;
    }
    if (iso) checkDateMeaning(value, view.pointerOf(name), name, iso, reporter);
    if (day > today)
      reporter.report('rro/date-future', value, view.pointerOf(name), { args: { name, value: day, today } });
    return day;
  }
  const pointer = view.pointerOf(name);
  const other = DAY_FIRST.exec(s);
  const slashed = SLASHED.exec(s);
  const day = other
    ? isoDay(+other[3], +other[2], +other[1])
    : slashed
      ? isoDay(+slashed[1], +slashed[2], +slashed[3])
      : undefined;
  reporter.report('rro/date-format', value, pointer, {
    variant: day ? 'suggest' : undefined,
    args: day ? { name, value: s, expected: day } : { name, value: s },
    fixes: day ? [fix('fix.replaceWith', [replaceNode(value, day)], true, { value: day })] : undefined,
  });
  return undefined;
}

/** The number written by the ASCII digits s[from..to). */
function digits(s: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) n = n * 10 + s.charCodeAt(i) - 48;
  return n;
}

/**
 * `YYYY-MM-DD` or .NET's `YYYY-MM-DDT00:00:00` — nearly every date in real files — checked
 * character by character: several times cheaper than the general regex, which takes the rest.
 */
function isCommonForm(s: string): boolean {
  if (s.length !== 10 && !(s.length === 19 && s.endsWith('T00:00:00'))) return false;
  for (let i = 0; i < 10; i++) {
    const c = s.charCodeAt(i);
    if (i === 4 || i === 7 ? c !== 45 : c < 48 || c > 57) return false;
  }
  return true;
}

export interface DatedField {
  /** The field's name, which is also its name in `view`. */
  name: string;
  view: ObjectView;
  node: JsonNode;
  day: string | undefined;
}

/**
 * Each date not earlier than the nearest present date before it in the chain; the later
 * field is the one reported.
 */
export function checkOrder(chain: (DatedField | undefined)[], reporter: Reporter): void {
  let before: DatedField | undefined;
  for (const field of chain) {
    if (!field?.day) continue;
    if (before?.day && field.day < before.day) {
      reporter.report('rro/date-order', field.node, field.view.pointerOf(field.name), {
        args: { name: field.name, value: field.day, earlier: before.name, earlierValue: before.day },
      });
    }
    before = field;
  }
}
