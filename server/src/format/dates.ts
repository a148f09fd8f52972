// Date values as the format takes them (§3.2; spec §5): any ISO-8601 calendar date, alone or
// with a time of day and a zone — `2016-11-16`, .NET's `2016-11-16T00:00:00`, Jackson's
// `2016-11-16T10:30:00+03:00`, JavaScript's `2016-11-15T21:00:00.000Z`. The calendar date is
// the one written; the time and the zone are kept so the rules can say what they mean.

export interface IsoDate {
  /** `YYYY-MM-DD` as written (not necessarily a real day: see `isRealDay`). */
  day: string;
  year: number;
  month: number;
  date: number;
  /** A time of day is written and it is not midnight (`00:00`, `00:00:00`, `00:00:00.000`). */
  timeOfDay: boolean;
  /** The time as written (`21:00:00.000`), when there is one. */
  time?: string;
  /** Minutes east of UTC, when a zone is written (`Z` → 0, `+03:00` → 180). */
  offsetMinutes?: number;
  /** The zone as written (`Z`, `+03:00`). */
  zone?: string;
  /** Milliseconds since the epoch of the instant, when a zone makes it one. */
  instant?: number;
}

// Extended format (the one JSON serializers write): hh:mm[:ss[.f…]], zone Z or ±hh[:mm].
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/;

/** The parts of an ISO-8601 date or date-time, or undefined when `s` is not one. */
export function parseIsoDate(s: string): IsoDate | undefined {
  const m = ISO.exec(s);
  if (!m) return undefined;
  const [, y, mo, d, hh, mi, ss, frac, zone] = m;
  const out: IsoDate = { day: `${y}-${mo}-${d}`, year: +y, month: +mo, date: +d, timeOfDay: false };
  if (hh === undefined) return out;
  if (+hh > 23 || +mi > 59 || (ss !== undefined && +ss > 59)) return undefined;
  out.time = s.slice(11, zone ? s.length - zone.length : s.length);
  out.timeOfDay = +hh !== 0 || +mi !== 0 || (ss !== undefined && +ss !== 0) || (frac !== undefined && +frac !== 0);
  if (zone) {
    out.zone = zone;
    out.offsetMinutes = zone === 'Z' ? 0 : zoneMinutes(zone);
    const ms = frac ? Math.floor(+`0.${frac}` * 1000) : 0;
    const local = Date.UTC(+y, +mo - 1, +d, +hh, +mi, ss ? +ss : 0, ms);
    out.instant = local - out.offsetMinutes * 60_000;
  }
  return out;
}

function zoneMinutes(zone: string): number {
  const sign = zone[0] === '-' ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (+digits.slice(0, 2) * 60 + (digits.length > 2 ? +digits.slice(2, 4) : 0));
}

export function isRealDay(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

/** `YYYY-MM-DD` of a day. */
export function dayText(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
