// Dates for hover: the weekday and the date the way Russian documents write it
// (`среда, 16 ноября 2016 г.`), or the English equivalent.
import type { Lang } from '../l10n/messages';

const RU_MONTHS = [
  'января',
  'февраля',
  'марта',
  'апреля',
  'мая',
  'июня',
  'июля',
  'августа',
  'сентября',
  'октября',
  'ноября',
  'декабря',
];
const RU_DAYS = ['воскресенье', 'понедельник', 'вторник', 'среда', 'четверг', 'пятница', 'суббота'];
const EN_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const EN_DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** `YYYY-MM-DD` at the start of an ISO 8601 date (time and zone ignored), if it is a real day. */
export function calendarDay(value: string): { year: number; month: number; day: number } | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|[T ])/.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

export function longDate(value: string, lang: Lang): string | undefined {
  const c = calendarDay(value);
  if (!c) return undefined;
  const weekday = new Date(Date.UTC(c.year, c.month - 1, c.day)).getUTCDay();
  return lang === 'ru'
    ? `${RU_DAYS[weekday]}, ${c.day} ${RU_MONTHS[c.month - 1]} ${c.year} г.`
    : `${EN_DAYS[weekday]}, ${c.day} ${EN_MONTHS[c.month - 1]} ${c.year}`;
}
