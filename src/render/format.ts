// Formatting of numbers, dates, quarters and changes for people, in Danish or English.

import type { Change } from '../analyze/change.js';
import { roundHalfAwayFromZero } from '../analyze/change.js';
import type { Quarter } from '../analyze/quarters.js';
import { quarterEnd, quarterStart } from '../analyze/quarters.js';
import { isoToUtcDate } from '../model/dates.js';

import type { Lang } from '../model/schema.js';

export type { Lang };

const LOCALE: Record<Lang, string> = { da: 'da-DK', en: 'en-GB' };
const MINUS = '\u2212';

const WORDS = {
  da: { new: 'ny', up: 'flere', down: 'færre', unchanged: 'uændret', noise: 'inden for normal variation' },
  en: { new: 'new', up: 'more', down: 'fewer', unchanged: 'unchanged', noise: 'within normal variation' },
} as const satisfies Record<Lang, Record<string, string>>;

/** A number with the language's separators (da `1.234,5`, en `1,234.5`) and a real minus sign. */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 1): string {
  // signDisplay 'negative' keeps values that round to zero from showing as "-0".
  const key = `${lang}:${maxFractionDigits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(LOCALE[lang], { maximumFractionDigits: maxFractionDigits, signDisplay: 'negative' });
    numberFormats.set(key, format);
  }
  return format.format(n).replace('-', MINUS);
}

// Intl formatters are costly to make and cheap to reuse.
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<string, Intl.DateTimeFormat>();

function formatDateParts(iso: string, lang: Lang, withYear: boolean): string {
  const key = `${lang}:${withYear}`;
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALE[lang], { timeZone: 'UTC', day: 'numeric', month: 'long', ...(withYear ? { year: 'numeric' } : {}) });
    dateFormats.set(key, format);
  }
  return format.format(isoToUtcDate(iso));
}

/** A date in words: da `3. marts 2020`, en `3 March 2020`. */
export function formatDate(iso: string, lang: Lang): string {
  return formatDateParts(iso, lang, true);
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
  if (percent === null) return absolute === 0 ? abs : `${abs} (${WORDS[lang].new})`;
  return `${abs} (${withPlus(percent, formatPercent(percent, lang))})`;
}

/** The trend marker and its words, so the direction never rests on colour alone. */
export function formatTrend(change: Change, lang: Lang): { marker: '▲' | '▼' | '●'; words: string } {
  const words = WORDS[lang];
  if (change.trend === 'up') return { marker: '▲', words: words.up };
  if (change.trend === 'down') return { marker: '▼', words: words.down };
  return { marker: '●', words: change.absolute === 0 ? words.unchanged : words.noise };
}
