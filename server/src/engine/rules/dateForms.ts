// What a date-time says beyond its date (spec §5): the calendar date as written is what the
// ordering rules compare; a time of day other than midnight is only an info (it is ignored);
// a zone (`Z`, `+03:00`) is a warning, because the date part may be a day off the local date
// (JavaScript's toISOString() writes Moscow midnight of 2 October as 2026-10-01T21:00:00.000Z).
// "Local" is the calendar of the machine running the check (its TZ), as `today` is.
import { dayText, type IsoDate } from '../../format/dates';
import type { JsonNode } from '../json';
import type { Reporter } from '../report';
import { fix, replaceNode } from './edits';

export function checkDateMeaning(
  value: JsonNode,
  pointer: string,
  name: string,
  date: IsoDate,
  reporter: Reporter,
): void {
  const written = String(value.value);
  if (date.instant !== undefined) {
    const local = localDayOf(date.instant);
    reporter.report('rro/date-zone', value, pointer, {
      args: { name, value: written, day: date.day, local },
      fixes: [fix('fix.localDate', [replaceNode(value, local)], false, { value: local })],
    });
  } else if (date.timeOfDay) {
    reporter.report('rro/date-time', value, pointer, {
      args: { name, value: written, day: date.day },
      fixes: [fix('fix.replaceWith', [replaceNode(value, date.day)], false, { value: date.day })],
    });
  }
}

/** The calendar date of an instant on this machine's clock face. */
export function localDayOf(instant: number): string {
  const d = new Date(instant);
  return dayText(d.getFullYear(), d.getMonth() + 1, d.getDate());
}
