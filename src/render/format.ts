// Formatting of numbers, dates, quarters and changes for people, in Danish or English.

import type { Change } from '../analyze/change.js';
import { roundHalfAwayFromZero } from '../analyze/change.js';
import type { Quarter } from '../model/quarters.js';
import { quarterEnd, quarterStart } from '../model/quarters.js';
import { isoToUtcDate } from '../model/dates.js';
import { t } from './i18n.js';

import type { Lang } from '../model/schema.js';

export type { Lang };

const MINUS = '\u2212';

/** A number with the language's separators (da `1.234,5`, en `1,234.5`) and a real minus sign. */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 1): string {
  // Done by hand because Intl.NumberFormat costs 20–30 ms at every cold start (ICU set-up);
  // a test compares it with Intl.NumberFormat over thousands of values.
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return String(n);
  const scaled = scaledMagnitude(n, maxFractionDigits);
  const digits = String(scaled).padStart(maxFractionDigits + 1, '0');
  const whole = digits.slice(0, digits.length - maxFractionDigits);
  const fraction = digits.slice(digits.length - maxFractionDigits).replace(/0+$/, '');
  const [group, decimal] = lang === 'da' ? ['.', ','] : [',', '.'];
  const grouped = whole.replace(/\B(?=(\d{3})+$)/g, group);
  const sign = n < 0 && scaled !== 0 ? MINUS : '';
  return `${sign}${grouped}${fraction ? `${decimal}${fraction}` : ''}`;
}

/** |n| × 10^digits rounded to an integer, half away from zero. */
function scaledMagnitude(n: number, digits: number): number {
  // Shift the decimal point in the text, not by multiplying, so 2.345 rounds to 2.35 as Intl does.
  const text = String(Math.abs(n));
  return Math.round(text.includes('e') ? Math.abs(n) * 10 ** digits : Number(`${text}e${digits}`));
}

/** A number rounded as formatNumber shows it (`12.345` → `12.3`), for the numbers beside the texts of a view. */
export function roundNumber(n: number, maxFractionDigits = 1): number {
  if (!Number.isFinite(n) || Math.abs(n) >= 1e15) return n;
  const scaled = scaledMagnitude(n, maxFractionDigits);
  if (scaled === 0) return 0;
  return (n < 0 ? -scaled : scaled) / 10 ** maxFractionDigits;
}

const MONTHS: Record<Lang, readonly string[]> = {
  da: ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

// By hand, like formatNumber: Intl.DateTimeFormat costs ~25 ms at a cold start; a test
// compares the result with Intl for every day of several years.
function formatDateParts(iso: string, lang: Lang, withYear: boolean): string {
  const date = isoToUtcDate(iso);
  const day = date.getUTCDate();
  const month = MONTHS[lang][date.getUTCMonth()]!;
  const year = withYear ? ` ${date.getUTCFullYear()}` : '';
  return lang === 'da' ? `${day}. ${month}${year}` : `${day} ${month}${year}`;
}

/** A date in words: da `3. marts 2020`, en `3 March 2020`. */
export function formatDate(iso: string, lang: Lang): string {
  return formatDateParts(iso, lang, true);
}

/** A day of a year named elsewhere: da `3. marts`, en `3 March`. */
export function formatDayMonth(iso: string, lang: Lang): string {
  return formatDateParts(iso, lang, false);
}

/** da `1. kvartal 2020`, en `Q1 2020`. */
export function formatQuarterName(q: Quarter, lang: Lang): string {
  return lang === 'da' ? `${q.quarter}. kvartal ${q.year}` : `Q${q.quarter} ${q.year}`;
}

/** The short form for table headers: da `1. kv. 2020`, en `Q1 2020`. */
export function formatQuarterShort(q: Quarter, lang: Lang): string {
  return lang === 'da' ? `${q.quarter}. kv. ${q.year}` : `Q${q.quarter} ${q.year}`;
}

/** The quarter's days: da `1. januar – 31. marts 2020`, en `1 January – 31 March 2020`. */
export function formatQuarterSpan(q: Quarter, lang: Lang): string {
  // A quarter never crosses a year, so the year is written once, at the end.
  return `${formatDateParts(quarterStart(q), lang, false)} – ${formatDate(quarterEnd(q), lang)}`;
}

/** A whole percentage with a space before the sign: `43 %`, `−20 %`. */
export function formatPercent(value: number, lang: Lang): string {
  return `${formatNumber(roundHalfAwayFromZero(value), lang, 0)} %`;
}

// Negative numbers already carry their minus sign.
function withPlus(n: number, formatted: string): string {
  return n > 0 ? `+${formatted}` : formatted;
}

/** The absolute change with the percentage beside it: `+3 (+43 %)`, `−1 (0 %)`, `+3 (ny)`, `±0`. */
export function formatChange(change: Change, lang: Lang): string {
  const { absolute, percent } = change;
  const abs = absolute === 0 ? '±0' : withPlus(absolute, formatNumber(absolute, lang));
  if (percent === null) return absolute === 0 ? abs : `${abs} (${t(lang, 'change_new')})`;
  return `${abs} (${withPlus(percent, formatPercent(percent, lang))})`;
}

/** A difference for running text: `{ difference: '20', percent: ' (−38 %)' }` (no percentage when the prior figure is 0). */
export function formatDifference(absolute: number, percent: number | null, lang: Lang): { difference: string; percent: string } {
  return { difference: formatNumber(Math.abs(absolute), lang), percent: percent === null ? '' : ` (${withPlus(percent, formatPercent(percent, lang))})` };
}

/** The sentence after a total's figures: "Det er 20 færre (−38 %), og det er mere end normal variation." */
export function formatChangeSentence(change: Change, lang: Lang): string {
  const key = change.trend === 'up' ? 'total_up' : change.trend === 'down' ? 'total_down' : change.absolute === 0 ? 'total_same' : 'total_noise';
  return t(lang, key, formatDifference(change.absolute, change.percent, lang));
}

/** The trend marker and its words, so the direction never rests on colour alone. */
export function formatTrend(change: Change, lang: Lang): { marker: '▲' | '▼' | '●'; words: string } {
  if (change.trend === 'up') return { marker: '▲', words: t(lang, 'trend_up') };
  if (change.trend === 'down') return { marker: '▼', words: t(lang, 'trend_down') };
  return { marker: '●', words: t(lang, change.absolute === 0 ? 'trend_unchanged' : 'trend_noise') };
}
