// Formatting of numbers, dates, quarters and changes for people, in Danish or English.

import { type Change, roundHalfAwayFromZero } from '../analyze/change.js';
import { type Quarter, quarterEnd, quarterStart } from '../model/quarters.js';
import { isoToUtcDate } from '../model/dates.js';
import { t } from './i18n.js';

import type { Lang } from '../model/schema.js';

export type { Lang };

const MINUS = '\u2212';

// Intl's formatters, each made on first use and kept for the process (making one costs far more
// than using it). English is British English: `3 March 2020`, not `March 3, 2020`.
const LOCALE: Record<Lang, string> = { da: 'da', en: 'en-GB' };
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function numberFormat(lang: Lang | 'plain', maxFractionDigits: number): Intl.NumberFormat {
  const key = `${lang} ${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    // 'negative': no sign for a number that rounds to zero (-0.04 is `0`, never `-0`).
    const options: Intl.NumberFormatOptions = { maximumFractionDigits: maxFractionDigits, signDisplay: 'negative' };
    format =
      lang === 'plain' ? new Intl.NumberFormat('en', { ...options, useGrouping: false }) : new Intl.NumberFormat(LOCALE[lang], options);
    numberFormats.set(key, format);
  }
  return format;
}

function dateFormat(lang: Lang, withYear: boolean): Intl.DateTimeFormat {
  const key = `${lang} ${withYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    // A date is a calendar day, held as its UTC midnight.
    format = new Intl.DateTimeFormat(LOCALE[lang], {
      timeZone: 'UTC',
      day: 'numeric',
      month: 'long',
      ...(withYear ? { year: 'numeric' } : {}),
    });
    dateFormats.set(key, format);
  }
  return format;
}

/** A number with the language's separators (da `1.234,5`, en `1,234.5`) and a real minus sign. */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 1): string {
  if (!Number.isFinite(n)) return String(n);
  return numberFormat(lang, maxFractionDigits).format(n).replace('-', MINUS);
}

/** A rate with exactly one decimal (`2,0`, `14,3`), so a column of rates lines up. */
export function formatRate(n: number, lang: Lang): string {
  const key = `${lang} rate`;
  let format = numberFormats.get(key);
  if (!format)
    numberFormats.set(key, (format = new Intl.NumberFormat(LOCALE[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 })));
  return format.format(n);
}

/** A number rounded as formatNumber shows it (`12.345` → `12.3`), for the numbers beside the texts of a view. */
export function roundNumber(n: number, maxFractionDigits = 1): number {
  if (!Number.isFinite(n)) return n;
  return Number(numberFormat('plain', maxFractionDigits).format(n));
}

function formatDateParts(iso: string, lang: Lang, withYear: boolean): string {
  return dateFormat(lang, withYear).format(isoToUtcDate(iso));
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
  return {
    difference: formatNumber(Math.abs(absolute), lang),
    percent: percent === null ? '' : ` (${withPlus(percent, formatPercent(percent, lang))})`,
  };
}

/** The sentence after a total's figures: "Det er 20 færre (−38 %), og det er mere end normal variation." */
export function formatChangeSentence(change: Change, lang: Lang): string {
  const key =
    change.trend === 'up' ? 'total_up' : change.trend === 'down' ? 'total_down' : change.absolute === 0 ? 'total_same' : 'total_noise';
  return t(lang, key, formatDifference(change.absolute, change.percent, lang));
}

/** The trend marker and its words, so the direction never rests on colour alone. */
export function formatTrend(change: Change, lang: Lang): { marker: '▲' | '▼' | '●'; words: string } {
  if (change.trend === 'up') return { marker: '▲', words: t(lang, 'trend_up') };
  if (change.trend === 'down') return { marker: '▼', words: t(lang, 'trend_down') };
  return { marker: '●', words: t(lang, change.absolute === 0 ? 'trend_unchanged' : 'trend_noise') };
}
