// Calendar days as the engine compares them, `YYYY-MM-DD`. The engine never reads the clock:
// front doors turn "now" into the day with `localDay` and pass it in as `today`.
import { isoDay } from './rules/dates';

/** The day on this machine's calendar (not UTC): "today" as the user sees it. */
export function localDay(now: Date): string {
  return isoDay(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

/** `s` is exactly `YYYY-MM-DD` and a real day (for `--today` and similar options). */
export function isCalendarDay(s: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  return m !== null && isoDay(+m[1], +m[2], +m[3]) === s;
}
