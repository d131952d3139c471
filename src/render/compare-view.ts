import type { Audience } from '../analyze/audience.js';
import type { Change } from '../analyze/change.js';
import type { AreaTable, CompareRow, CompareTable, Figure, ListYear } from '../analyze/compare.js';
import type { Rate } from '../analyze/official.js';
import { formatQuarter, type Quarter, quarterEnd, quarterStart } from '../model/quarters.js';
import type { Category } from '../model/categories.js';
import type { Grouping } from '../model/category-groups.js';
import type { Lang } from '../model/schema.js';
import {
  formatChange,
  formatDate,
  formatNumber,
  formatQuarterName,
  formatQuarterShort,
  formatRate,
  formatTrend,
  roundNumber,
} from './format.js';
import { type ChartPoint, chartScale, renderBarChart } from './chart.js';
import { label, t } from './i18n.js';
import { buildListChecksView, type ListChecksView } from './list-check-view.js';

// The view model of a comparison table: texts for people (as in the brief: a number, "<5",
// "x" or "–") beside the raw value and mark of every figure, so the JSON carries the same numbers
// with their ids for scripts, and the CSV is written from those numbers.

export interface FigureView {
  text: string;
  /** The count; null when suppressed or before the records begin. */
  value: number | null;
  mark: 'shown' | 'primary' | 'secondary' | 'no-data';
  /** A provisional figure of a quarter not covered to its end; its text ends in "*". */
  partial?: boolean;
}

export interface ChangeCellView {
  text: string;
  /** Empty when not computed. */
  marker: '▲' | '▼' | '●' | '';
  /** The marker in words ("flere", "inden for normal variation"); empty when not computed. */
  words: string;
  absolute: number | null;
  percent: number | null;
}

export interface CompareRowView {
  id: string;
  label: string;
  total: boolean;
  cells: FigureView[];
  year_ago: FigureView;
  change: ChangeCellView;
  last4: FigureView;
  prev4: FigureView;
  last4_change: ChangeCellView;
}

export interface CompareView {
  notice?: string;
  lang: Lang;
  audience: Audience;
  title: string;
  area: { id: string; name: string };
  table: CompareTable['kind'];
  heading: string;
  row_header: string;
  quarters: { id: string; label: string }[];
  columns: { year_ago: string; change: string; last4: string; prev4: string; last4_change: string };
  rows: CompareRowView[];
  /** Inline SVG charts of the table's totals (questions: raised and answered) over its quarters. */
  charts: { id: string; label: string; svg: string }[];
  footnotes: string[];
  suppression?: string;
  /**
   * The list-criteria check of each list year recorded for the area up to the table's last
   * quarter, beside the official status (incidents table only; absent when no list gives a figure).
   */
  list_checks?: ListChecksView;
}

const NO_DATA = '–';
const HIDDEN = 'x';

export interface CompareViewOptions {
  lang: Lang;
  audience: Audience;
  title: string;
  area: { id: string; name: string };
  minCount: number;
  categories: readonly Category[];
  /** The area's list years (compareListChecks), for the page's list-check section. */
  listChecks?: readonly ListYear[];
}

/** Turns a comparison table into texts and values in one language. */
export function buildCompareView(table: CompareTable, options: CompareViewOptions): CompareView {
  const { lang, minCount } = options;
  const figure = (f: Figure): FigureView => figureView(f, minCount, lang);
  const change = (c: Change | null, a: Figure, b: Figure): ChangeCellView => {
    if (c === null)
      return {
        text: a.value === null || b.value === null || a.partial || b.partial ? NO_DATA : HIDDEN,
        marker: '',
        words: '',
        absolute: null,
        percent: null,
      };
    const { marker, words } = formatTrend(c, lang);
    return { text: formatChange(c, lang), marker, words, absolute: c.absolute, percent: c.percent };
  };
  const to = table.quarters.at(-1)!;
  const rowLabel = (r: CompareRow) => {
    if (r.category) return r.category.labels[lang];
    if (r.id === 'crime_total' || r.id === 'concerns_total') return t(lang, r.id);
    if (table.kind === 'activities') return r.id === 'total' ? t(lang, 'activities_all') : label(lang, 'kind', r.id);
    return t(lang, `questions_${r.id}` as 'questions_raised');
  };
  const lastRow = (r: CompareRow) => r.cells.at(-1)!;
  const rows = table.rows.map((r) => ({
    id: r.id,
    label: rowLabel(r),
    total: ['crime_total', 'concerns_total', 'total'].includes(r.id),
    cells: r.cells.map(figure),
    year_ago: figure(r.yearAgo),
    change: change(r.change, lastRow(r), r.yearAgo),
    last4: figure(r.last4),
    prev4: figure(r.prev4),
    last4_change: change(r.last4Change, r.last4, r.prev4),
  }));
  const anySuppressed = rows.some((r) =>
    [...r.cells, r.year_ago, r.last4, r.prev4].some((f) => f.mark === 'primary' || f.mark === 'secondary'),
  );
  // The same marks as the table: a suppressed figure reaches the chart without its value.
  const charted = rows.filter((r) => (table.kind === 'questions' ? r.id !== 'open' : r.total));
  const series = charted.map((r) => ({
    row: r,
    points: r.cells.map((cell, i): ChartPoint => {
      const quarter = table.quarters[i]!;
      const flag = cell.partial ? { partial: true } : {};
      return cell.mark === 'shown'
        ? { quarter, mark: 'shown', value: cell.value!, ...flag }
        : cell.mark === 'no-data'
          ? { quarter, mark: cell.mark }
          : { quarter, mark: cell.mark, ...flag };
    }),
  }));
  const scale = chartScale(
    series.map((s) => s.points),
    minCount,
  );
  const charts = series.map(({ row: r, points }) => ({
    id: r.id,
    label: r.label,
    svg: renderBarChart({ id: `chart-${r.id}`, lang, title: r.label, points, minCount, scale, table: 'below' }),
  }));
  const footnotes = [
    ...figureLegends(
      table,
      rows.flatMap((r) => [...r.cells, r.year_ago, r.last4, r.prev4]),
      lang,
    ),
    // A grouped table says how; the page of one table says nothing of sensitive categories.
    ...(table.kind === 'incidents' ? groupingNotes([table.grouping], lang, { sensitive: false }) : []),
    ...(table.kind === 'incidents' ? breakFootnotes(options.categories, table.quarters[0]!, to, lang) : []),
  ];
  return {
    ...(options.audience === 'internal' ? { notice: t(lang, 'internal_only') } : {}),
    lang,
    audience: options.audience,
    title: options.title,
    area: options.area,
    table: table.kind,
    heading: t(lang, `compare_${table.kind}`, { from: formatQuarterName(table.quarters[0]!, lang), to: formatQuarterName(to, lang) }),
    row_header: t(lang, table.kind === 'incidents' ? 'category' : table.kind === 'activities' ? 'kind' : 'question'),
    quarters: table.quarters.map((q) => ({ id: formatQuarter(q), label: formatQuarterShort(q, lang) })),
    columns: {
      year_ago: t(lang, 'compare_year_ago'),
      change: t(lang, 'change'),
      last4: t(lang, 'last4'),
      prev4: t(lang, 'prev4'),
      last4_change: t(lang, 'change'),
    },
    rows,
    charts,
    footnotes,
    ...(anySuppressed ? { suppression: t(lang, 'suppression_legend', { min: minCount, max: minCount - 1 }) } : {}),
    ...(options.listChecks?.some((y) => y.check) ? { list_checks: buildListChecksView(options.listChecks, lang) } : {}),
  };
}

/**
 * What public output says of its grouping of the categories (docs/privacy.md#grouping) and, unless
 * `sensitive` is false, of where the sensitive ones are counted: once per level in `levels` (absent: `categories`).
 */
export function groupingNotes(
  levels: readonly (Grouping | undefined)[],
  lang: Lang,
  { sensitive = true }: { sensitive?: boolean } = {},
): string[] {
  const used = new Set(levels.map((level) => level ?? 'categories'));
  const grouping = { categories: [], groups: ['about_grouping_groups'], totals: ['about_grouping_totals'] } as const;
  const sensitiveNote = { categories: 'about_categories', groups: 'about_categories_groups', totals: 'about_categories_totals' } as const;
  return (['categories', 'groups', 'totals'] as const)
    .filter((level) => used.has(level))
    .flatMap((level) => [...grouping[level], ...(sensitive ? [sensitiveNote[level]] : [])].map((key) => t(lang, key)));
}

/** What "–" (no police figures) and "*" (provisional) mean, when an incidents table shows them. */
export function figureLegends(table: CompareTable, shown: readonly FigureView[], lang: Lang): string[] {
  if (table.kind !== 'incidents') return [];
  const anyNoData = shown.some((f) => f.mark === 'no-data');
  return [
    ...(anyNoData ? [t(lang, 'no_data_legend')] : []),
    ...(table.partialUntil ? [t(lang, 'partial_legend', { date: formatDate(table.partialUntil, lang) })] : []),
  ];
}

/** A footnote for each definition break inside the quarters from `from` to `to`: their figures are not comparable. */
export function breakFootnotes(categories: readonly Category[], from: Quarter, to: Quarter, lang: Lang): string[] {
  const start = quarterStart(from);
  const end = quarterEnd(to);
  return categories.flatMap((c) =>
    c.breaks
      .filter((b) => b.date > start && b.date <= end)
      .map((b) => t(lang, 'not_comparable', { category: c.labels[lang], note: b.note, date: formatDate(b.date, lang) })),
  );
}

export interface AreaRowView {
  id: string;
  label: string;
  residents: string;
  cells: FigureView[];
  crime_rate: string;
  concerns_rate: string;
  /** The same figures as numbers, for scripts and the CSV: null where the text is "–"; rates rounded to one decimal as shown. */
  values: {
    residents: number | null;
    crime_rate: number | null;
    concerns_rate: number | null;
    /** With official series (docs/official.md): the compared offences per 1,000 residents of the area, its municipality and the country. */
    official?: { area: number | null; municipality: number | null; country: number | null };
  };
  /** The same, as the page shows them (one decimal, or "–"). */
  official?: { area: string; municipality: string; country: string };
}

export interface AreasView {
  notice?: string;
  lang: Lang;
  audience: Audience;
  title: string;
  table: 'areas';
  heading: string;
  quarter: { id: string; label: string };
  categories: { id: string; label: string }[];
  rows: AreaRowView[];
  /** What "–" and "*" mean, when the table has them. */
  footnotes: string[];
  suppression?: string;
  /** The three columns beside Danmarks Statistik, when the project keeps its series: headers, which offences, the caveats. */
  official?: { columns: { area: string; municipality: string; country: string }; intro: string; notes: string[] };
}

/** A figure as published: "–" without data, "<min" or "x" when suppressed, else the number; "*" marks a provisional one. */
function figureView(f: Figure, minCount: number, lang: Lang): FigureView {
  const star = f.partial ? '*' : '';
  const flag = f.partial ? { partial: true } : {};
  if (f.value === null) return { text: NO_DATA, value: null, mark: 'no-data' };
  if (f.mark === 'primary') return { text: `<${minCount}${star}`, value: null, mark: 'primary', ...flag };
  if (f.mark === 'secondary') return { text: `${HIDDEN}${star}`, value: null, mark: 'secondary', ...flag };
  return { text: `${formatNumber(f.value, lang)}${star}`, value: f.value, mark: 'shown', ...flag };
}

/** Areas × categories for one quarter, in one language. */
export function buildAreasView(
  table: AreaTable,
  options: { lang: Lang; audience: Audience; title: string; minCount: (area: string) => number },
): AreasView {
  const { lang } = options;
  const rows = table.rows.map((r) => {
    const m = options.minCount(r.area);
    const figure = (f: Figure): FigureView => figureView(f, m, lang);
    const rate = (value: number | null) => (value === null ? NO_DATA : formatNumber(value, lang, 1));
    const rateValue = (value: number | null) => (value === null ? null : roundNumber(value, 1));
    const official = r.official;
    const officialValue = (value: Rate) => ('rate' in value ? roundNumber(value.rate, 1) : null);
    return {
      id: r.area,
      label: r.name,
      residents: r.residents === undefined ? NO_DATA : formatNumber(r.residents, lang),
      cells: r.cells.map(figure),
      crime_rate: rate(r.crimeRate),
      concerns_rate: rate(r.concernsRate),
      values: {
        residents: r.residents ?? null,
        crime_rate: rateValue(r.crimeRate),
        concerns_rate: rateValue(r.concernsRate),
        ...(official
          ? {
              official: {
                area: officialValue(official.area),
                municipality: officialValue(official.municipality),
                country: officialValue(official.country),
              },
            }
          : {}),
      },
      ...(official
        ? {
            official: {
              area: rateText(official.area, lang),
              municipality: rateText(official.municipality, lang),
              country: rateText(official.country, lang),
            },
          }
        : {}),
    };
  });
  const anySuppressed = rows.some((r) => r.cells.some((f) => f.mark === 'primary' || f.mark === 'secondary'));
  const noData = table.rows.some((r) => r.cells.some((f) => f.value === null && !f.otherLevel));
  const otherLevel = table.rows.filter((r) => r.cells.some((f) => f.otherLevel)).map((r) => r.name);
  const footnotes = [
    ...(noData ? [t(lang, 'no_data_legend')] : []),
    ...(otherLevel.length > 0
      ? [t(lang, 'other_level_legend', { areas: new Intl.ListFormat(lang, { type: 'conjunction' }).format(otherLevel) })]
      : []),
    ...[...table.partialUntil].map(([area, until]) =>
      t(lang, 'partial_area_legend', { area: table.rows.find((r) => r.area === area)!.name, date: formatDate(until, lang) }),
    ),
  ];
  const minCounts = [...new Set(table.rows.map((r) => options.minCount(r.area)))];
  return {
    ...(options.audience === 'internal' ? { notice: t(lang, 'internal_only') } : {}),
    lang,
    audience: options.audience,
    title: options.title,
    table: 'areas',
    heading: t(lang, 'compare_areas', { quarter: formatQuarterName(table.quarter, lang) }),
    quarter: { id: formatQuarter(table.quarter), label: formatQuarterShort(table.quarter, lang) },
    categories: [
      ...table.categories.map((c) => ({ id: c.id, label: c.labels[lang] })),
      { id: 'crime_total', label: t(lang, 'crime_total') },
      { id: 'concerns_total', label: t(lang, 'concerns_total') },
    ],
    rows,
    footnotes,
    ...(table.official ? { official: areasOfficialView(table, lang) } : {}),
    ...(anySuppressed && minCounts.length === 1
      ? { suppression: t(lang, 'suppression_legend', { min: minCounts[0]!, max: minCounts[0]! - 1 }) }
      : {}),
  };
}

/** The headers and notes of the areas table's columns beside Danmarks Statistik. */
function areasOfficialView(table: AreaTable, lang: Lang): NonNullable<AreasView['official']> {
  const rates = table.rows.flatMap((r) => (r.official ? [r.official.area, r.official.municipality, r.official.country] : []));
  return {
    columns: {
      area: t(lang, 'official_area_column'),
      municipality: t(lang, 'official_municipality_column'),
      country: t(lang, 'official_country_column'),
    },
    // The table's own footnotes say what "–" means for its cells.
    ...officialNotes(table.official!, rates, lang, { noDataLegend: false }),
  };
}

/** A rate per 1,000 residents as the page shows it: one decimal, or "–". */
export const rateText = (rate: Rate, lang: Lang): string => ('rate' in rate ? formatRate(rate.rate, lang) : NO_DATA);

/**
 * The sentence naming the categories compared with Danmarks Statistik, and the notes below the
 * comparison (the brief's table and the areas table): the categories left out, what each "–"
 * among `rates` means, the caveats and the source.
 */
export function officialNotes(
  official: { categories: readonly Category[]; hidden: readonly Category[] },
  rates: readonly Rate[],
  lang: Lang,
  { noDataLegend }: { noDataLegend: boolean },
): { intro: string; notes: string[] } {
  const list = (categories: readonly Category[]) =>
    new Intl.ListFormat(lang, { type: 'conjunction' }).format(categories.map((c) => c.labels[lang]));
  const why = new Set(rates.flatMap((rate) => ('none' in rate ? [rate.none] : [])));
  return {
    intro: t(lang, 'official_intro', { categories: list(official.categories) }),
    notes: [
      ...(official.hidden.length > 0 ? [t(lang, 'official_hidden', { categories: list(official.hidden) })] : []),
      ...(why.has('no-residents') ? [t(lang, 'official_no_residents')] : []),
      ...(why.has('not-published') ? [t(lang, 'official_not_published')] : []),
      ...(noDataLegend && why.has('no-data') ? [t(lang, 'no_data_legend')] : []),
      t(lang, 'official_caveat'),
      t(lang, 'official_source'),
    ],
  };
}
