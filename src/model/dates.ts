// Calendar dates as ISO `YYYY-MM-DD` strings; all arithmetic is done in UTC.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** True only for `YYYY-MM-DD` naming a real calendar date. */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (!match) return false;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The UTC midnight of an ISO date; throws a RangeError for anything else. */
export function isoToUtcDate(iso: string): Date {
  if (!isIsoDate(iso)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const date = new Date(0);
  // setUTCFullYear, unlike Date.UTC, does not map years 0–99 to 1900–1999.
  date.setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  return date;
}

function utcDateToIso(date: Date): string {
  const year = String(date.getUTCFullYear()).padStart(4, '0');
  const month = String(date.getUTCMonth() + 1).padStart(2, '0');
  const day = String(date.getUTCDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}

/** The ISO date `days` calendar days after (or, if negative, before) `iso`. */
export function addDays(iso: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return utcDateToIso(new Date(isoToUtcDate(iso).getTime() + days * DAY_MS));
}

/** Calendar days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((isoToUtcDate(to).getTime() - isoToUtcDate(from).getTime()) / DAY_MS);
}

// Made on first use, from the time zone database (Denmark's summer time and any change to it).
let copenhagen: Intl.DateTimeFormat | undefined;

/** The calendar date in Copenhagen at the instant `now`. */
export function todayIso(now: Date): string {
  copenhagen ??= new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit', day: '2-digit' });
  // The parts, not format(): en-CA's pattern is ICU's to change.
  const parts = new Map(copenhagen.formatToParts(now).map((part) => [part.type, part.value]));
  return `${parts.get('year')!.padStart(4, '0')}-${parts.get('month')}-${parts.get('day')}`;
}

/** The first day a record may be dated (docs/data-format.md#dates): before 1990 is a typo, not a record. */
export const FIRST_DATE = '1990-01-01';
/** How many calendar years after today's a record may be dated: a planned activity, a priority's end. */
export const YEARS_AHEAD = 5;

/** The dates a record, a setting or a command's quarter or year may name on `today`: 1 January 1990 to 31 December of today's year + 5. */
export function dateRange(today: string): { from: string; to: string; firstYear: number; lastYear: number } {
  const lastYear = Number(today.slice(0, 4)) + YEARS_AHEAD;
  return { from: FIRST_DATE, to: `${lastYear}-12-31`, firstYear: Number(FIRST_DATE.slice(0, 4)), lastYear };
}
