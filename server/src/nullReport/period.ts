// The no-appeals report of spec §7: which month it is for, whether that month has ended, and
// its fields (the layout comes from NULL_REPORT_FIELDS in the format table). Months are the
// local calendar's, like `localDay` everywhere else: at 02:00 on 1 December in Moscow the
// month that has just ended is November, whatever the UTC date says.
import { NULL_REPORT_FIELDS } from '../format/table';

export interface NullReportPeriod {
  year: number;
  month: number;
}

/** The local month before the one `today` falls in. */
export function previousMonth(today: Date): NullReportPeriod {
  const m = today.getMonth(); // 0-based: this is already "previous" in 1-based terms
  return m === 0 ? { year: today.getFullYear() - 1, month: 12 } : { year: today.getFullYear(), month: m };
}

/** A month has ended when its first day is before the first day of the current local month. */
export function monthEnded(p: NullReportPeriod, today: Date): boolean {
  return p.year * 12 + p.month < today.getFullYear() * 12 + today.getMonth() + 1;
}

export function buildNullReport(departmentId: string, p: NullReportPeriod): Record<string, string | number> {
  const values: Record<string, string | number> = { departmentId, year: p.year, month: p.month };
  const out: Record<string, string | number> = {};
  for (const field of NULL_REPORT_FIELDS) out[field.name] = values[field.name];
  return out;
}
