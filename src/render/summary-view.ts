import type { Audience } from '../analyze/audience.js';
import { wholeQuarters } from '../analyze/coverage.js';
import { formatQuarter, type Quarter, quarterEnd, quarterStart } from '../model/quarters.js';
import type { AreaSummary, Period } from '../analyze/summary.js';
import type { Category } from '../model/categories.js';
import { ACTIVITY_KINDS, type Area, type Lang } from '../model/schema.js';
import type { BriefView } from './brief-view.js';
import { breakFootnotes, buildCompareView, figureLegends, groupingNotes, type ChangeCellView, type FigureView } from './compare-view.js';
import { formatChangeSentence, formatDate, formatNumber, formatQuarterName, formatQuarterShort, roundNumber } from './format.js';
import { label, t } from './i18n.js';
import { choiceLabel } from '../model/vocabulary.js';

// The view model of the summary: the only data a summary template sees. Like the brief's, every
// field is picked by name; the crime trend is the comparison table of the period's quarters (the
// same figures and marks as every other page), with the period against the previous one.

export interface SummaryCrimeRowView {
  id: string;
  label: string;
  total: boolean;
  cells: FigureView[];
  period: FigureView;
  previous: FigureView;
  change: ChangeCellView;
}

/** Participants and hours of activities as numbers: null when none of them recorded it. */
export interface ActivityValues {
  participants: number | null;
  hours: number | null;
}

export interface AreaSummaryView {
  area: { id: string; name: string; municipality?: string; police_district?: string };
  activities: {
    total: string;
    participants: string;
    hours: string;
    /** The same figures as numbers (null where the text is "–"), for scripts and the CSV; hours rounded as shown. */
    values: ActivityValues & { total: number };
    kinds: {
      kind: string;
      label: string;
      count: string;
      participants: string;
      hours: string;
      values: ActivityValues & { count: number };
    }[];
    partners: { name: string; count: string; participants: string; hours: string; values: ActivityValues & { count: number } }[];
  };
  /** The work by Landsbyggefonden's focus area; absent when nothing of the period names one (docs/summary.md). */
  focus_areas?: {
    focus: string;
    label: string;
    count: string;
    participants: string;
    hours: string;
    /** The partners, comma-separated; "–" when none. */
    partners: string;
    /** The priorities set for it in the period, titles separated by "; "; "–" when none. */
    priorities: string;
    values: ActivityValues & { count: number; partners: string[]; priorities: string[] };
  }[];
  questions: {
    raised: string;
    answered: string;
    open: string;
    /** The median of days from question to answer, "23"; "–" when nothing was answered in the period. */
    median_days: string;
    /** The same in words: "23 dage". */
    median_days_text: string;
    within30: string;
    within90: string;
    longer: string;
    /** The same figures as numbers, for scripts and the CSV; `median_days` null when nothing was answered. */
    values: {
      raised: number;
      answered: number;
      open: number;
      median_days: number | null;
      within30: number;
      within90: number;
      longer: number;
    };
  };
  rumours: {
    verdicts: { verdict: string; label: string; count: string; values: { count: number } }[];
    checked: { date_text: string; question: string; answer?: string; answered_text: string; verdict: string }[];
    /** Rumours raised and not answered by the period's end. */
    open: string;
    /** The same as a number. */
    values: { open: number };
    /** "Rumours still being checked …: 2."; absent when none. */
    open_text?: string;
  };
  crime: {
    quarters: { id: string; label: string }[];
    columns: { period: string; previous: string; change: string };
    /** The quarters behind the period and previous columns, for scripts and the disclosure audit. */
    window: { period: string[]; previous: string[] };
    rows: SummaryCrimeRowView[];
    /** The sentence on the crime total of the period against the previous one; absent when either is hidden. */
    highlight?: string;
    /** Inline SVG charts of the two totals over the period's quarters (HTML: `{{{svg}}}`). */
    charts: { id: string; label: string; svg: string }[];
    footnotes: string[];
    suppression?: string;
  };
  /** The latest tryghed figures and the list status at the period's end: the brief's section of that quarter. */
  safety?: BriefView['safety'];
}

export interface SummaryView {
  notice?: string;
  lang: Lang;
  audience: Audience;
  title: string;
  period: {
    from: string;
    to: string;
    /** "2019", or "1. kvartal 2019 – 2. kvartal 2020". */
    name: string;
    span: string;
    previous: string;
    comparison: string;
    /** Present when a year was cut short at the latest quarter with data. */
    partial?: string;
  };
  /** With several areas: one row per area (the team's own work), then the total. */
  overview?: {
    columns: { area: string; activities: string; participants: string; hours: string; raised: string; answered: string; open: string };
    rows: {
      id: string;
      label: string;
      total: boolean;
      activities: string;
      participants: string;
      hours: string;
      raised: string;
      answered: string;
      open: string;
    }[];
  };
  areas: AreaSummaryView[];
  about: string[];
}

export interface SummaryViewOptions {
  lang: Lang;
  audience: Audience;
  title: string;
  minCount: number;
  categories: readonly Category[];
  /** True when a calendar year was cut short at the latest quarter with data. */
  partial: boolean;
}

/** One area's part of the summary, in one language. */
export function buildAreaSummaryView(
  summary: AreaSummary,
  area: Area,
  period: Period,
  safety: BriefView['safety'],
  options: SummaryViewOptions,
): AreaSummaryView {
  const { lang } = options;
  const n = (value: number) => formatNumber(value, lang);
  const maybe = (value: number | null) => (value === null ? '–' : n(value));
  // The number as shown: formatNumber rounds to one decimal.
  const shown = (value: number | null) => (value === null ? null : roundNumber(value));
  const sumOf = (values: (number | null)[]) => (values.every((v) => v === null) ? null : values.reduce<number>((a, v) => a + (v ?? 0), 0));
  const times = summary.questions.times;
  const participants = sumOf(summary.kinds.map((k) => k.participants));
  const hours = sumOf(summary.kinds.map((k) => k.hours));

  const table = buildCompareView(summary.crime, {
    lang,
    audience: options.audience,
    title: options.title,
    area: { id: area.id, name: area.name },
    minCount: options.minCount,
    categories: options.categories,
  });
  const rows = table.rows.map((r) => ({
    id: r.id,
    label: r.label,
    total: r.total,
    cells: r.cells,
    period: r.last4,
    previous: r.prev4,
    change: r.last4_change,
  }));
  const total = rows.find((r) => r.id === 'crime_total')!;
  const totalChange = summary.crime.rows.find((r) => r.id === 'crime_total')!.last4Change;
  const periodName = periodText(period.from, period.to, lang);
  const previousName = periodText(period.previous[0]!, period.previous.at(-1)!, lang);

  return {
    area: {
      id: area.id,
      name: area.name,
      ...(area.municipality ? { municipality: area.municipality } : {}),
      ...(area.police_district ? { police_district: area.police_district } : {}),
    },
    activities: {
      total: n(summary.activities.length),
      participants: maybe(participants),
      hours: maybe(hours),
      values: { total: summary.activities.length, participants: shown(participants), hours: shown(hours) },
      kinds: [...summary.kinds]
        .sort((a, b) => ACTIVITY_KINDS.indexOf(a.kind) - ACTIVITY_KINDS.indexOf(b.kind))
        .map((k) => ({
          kind: k.kind,
          label: label(lang, 'kind', k.kind),
          count: n(k.count),
          participants: maybe(k.participants),
          hours: maybe(k.hours),
          values: { count: k.count, participants: shown(k.participants), hours: shown(k.hours) },
        })),
      partners: summary.partners.map((p) => ({
        name: p.partner,
        count: n(p.count),
        participants: maybe(p.participants),
        hours: maybe(p.hours),
        values: { count: p.count, participants: shown(p.participants), hours: shown(p.hours) },
      })),
    },
    ...(summary.focus
      ? {
          focus_areas: summary.focus.map((f) => ({
            focus: f.focus,
            label: f.focus === 'none' ? t(lang, 'summary_focus_none') : choiceLabel('focus_area', f.focus, lang)!,
            count: n(f.count),
            participants: maybe(f.participants),
            hours: maybe(f.hours),
            partners: f.partners.length > 0 ? f.partners.join(', ') : '–',
            priorities: f.priorities.length > 0 ? f.priorities.join('; ') : '–',
            values: {
              count: f.count,
              participants: shown(f.participants),
              hours: shown(f.hours),
              partners: f.partners,
              priorities: f.priorities,
            },
          })),
        }
      : {}),
    questions: {
      raised: n(summary.questions.raised),
      answered: n(summary.questions.answered),
      open: n(summary.questions.openAtEnd),
      median_days: maybe(times.medianDays),
      median_days_text:
        times.medianDays === null
          ? '–'
          : times.medianDays === 1
            ? t(lang, 'summary_day')
            : t(lang, 'summary_days', { n: n(times.medianDays) }),
      within30: n(times.within30),
      within90: n(times.within90),
      longer: n(times.longer),
      values: {
        raised: summary.questions.raised,
        answered: summary.questions.answered,
        open: summary.questions.openAtEnd,
        median_days: shown(times.medianDays),
        within30: times.within30,
        within90: times.within90,
        longer: times.longer,
      },
    },
    rumours: {
      verdicts: summary.rumours.verdicts
        .filter((v) => v.count > 0)
        .map((v) => ({ verdict: v.verdict, label: verdictText(v.verdict, lang), count: n(v.count), values: { count: v.count } })),
      checked: summary.rumours.checked.map((q) => ({
        date_text: formatDate(q.date, lang),
        question: q.question,
        ...(q.answer ? { answer: q.answer } : {}),
        answered_text: formatDate(q.answered!, lang),
        verdict: verdictText(q.verdict ?? 'none', lang),
      })),
      open: n(summary.rumours.open),
      values: { open: summary.rumours.open },
      ...(summary.rumours.open > 0 ? { open_text: t(lang, 'summary_rumours_open', { n: n(summary.rumours.open) }) } : {}),
    },
    crime: {
      quarters: table.quarters,
      columns: { period: periodName, previous: previousName, change: t(lang, 'change') },
      window: { period: period.quarters.map(formatQuarter), previous: period.previous.map(formatQuarter) },
      rows,
      ...(totalChange
        ? {
            highlight: `${t(lang, 'summary_total_sentence', {
              reports: t(lang, total.period.value === 1 ? 'report_one' : 'report_many', { n: total.period.text }),
              period: periodName,
              prior: total.previous.text,
              previous: previousName,
            })} ${formatChangeSentence(totalChange, lang)}`,
          }
        : {}),
      charts: table.charts,
      footnotes: [
        ...coverageNotes(summary, period, lang),
        ...figureLegends(
          summary.crime,
          rows.flatMap((r) => [...r.cells, r.period, r.previous]),
          lang,
        ),
        ...breakFootnotes(options.categories, period.previous[0]!, period.to, lang),
      ],
      ...(table.suppression ? { suppression: table.suppression } : {}),
    },
    ...(safety ? { safety } : {}),
  };
}

/** What the police figures leave out of the period or the one it is compared with, in words. */
function coverageNotes(summary: AreaSummary, period: Period, lang: Lang): string[] {
  const coverage = summary.crime.coverage;
  const whole = (quarters: readonly Quarter[]) => wholeQuarters(coverage, quarters);
  if (whole(period.quarters) && whole(period.previous)) return [];
  if (coverage === undefined) return [t(lang, 'summary_no_police_figures')];
  const values = { from: formatDate(coverage.from, lang), to: formatDate(coverage.to, lang) };
  return [t(lang, whole(period.quarters) ? 'summary_previous_not_covered' : 'summary_period_not_covered', values)];
}

/** The whole summary: the period, the areas (with an overview when there are several), and notes on the figures. */
export function buildSummaryView(
  period: Period,
  areas: AreaSummaryView[],
  summaries: AreaSummary[],
  options: SummaryViewOptions,
): SummaryView {
  const { lang, audience } = options;
  const n = (value: number) => formatNumber(value, lang);
  const name = periodText(period.from, period.to, lang);
  const previous = periodText(period.previous[0]!, period.previous.at(-1)!, lang);
  const overviewRow = (id: string, rowLabel: string, total: boolean, list: AreaSummary[]) => {
    const sum = (pick: (s: AreaSummary) => number) => n(list.reduce((a, s) => a + pick(s), 0));
    const sumKinds = (pick: (k: AreaSummary['kinds'][number]) => number | null) => {
      const values = list.flatMap((s) => s.kinds.map(pick));
      return values.every((v) => v === null) ? '–' : n(values.reduce<number>((a, v) => a + (v ?? 0), 0));
    };
    return {
      id,
      label: rowLabel,
      total,
      activities: sum((s) => s.activities.length),
      participants: sumKinds((k) => k.participants),
      hours: sumKinds((k) => k.hours),
      raised: sum((s) => s.questions.raised),
      answered: sum((s) => s.questions.answered),
      open: sum((s) => s.questions.openAtEnd),
    };
  };
  return {
    ...(audience === 'internal' ? { notice: t(lang, 'internal_only') } : {}),
    lang,
    audience,
    title: options.title,
    period: {
      from: formatQuarter(period.from),
      to: formatQuarter(period.to),
      name,
      span: `${formatDate(quarterStart(period.from), lang)} – ${formatDate(quarterEnd(period.to), lang)}`,
      previous,
      comparison: t(lang, 'summary_compared', { period: name, previous }),
      ...(options.partial ? { partial: t(lang, 'summary_partial', { quarter: formatQuarterName(period.to, lang) }) } : {}),
    },
    ...(areas.length > 1
      ? {
          overview: {
            columns: {
              area: t(lang, 'area'),
              activities: t(lang, 'summary_activities_count'),
              participants: t(lang, 'participants'),
              hours: t(lang, 'hours'),
              raised: t(lang, 'summary_raised'),
              answered: t(lang, 'summary_answered'),
              open: t(lang, 'summary_open'),
            },
            rows: [
              ...summaries.map((s, i) => overviewRow(s.area, areas[i]!.area.name, false, [s])),
              overviewRow('total', t(lang, 'summary_all'), true, summaries),
            ],
          },
        }
      : {}),
    areas,
    about: [
      t(lang, 'summary_about_period'),
      t(lang, 'about_sources'),
      t(lang, 'about_late'),
      t(lang, 'about_change'),
      ...(audience === 'public'
        ? [
            t(lang, 'about_suppression', { min: options.minCount, max: options.minCount - 1 }),
            ...groupingNotes(
              summaries.map((s) => s.crime.grouping),
              lang,
            ),
          ]
        : [t(lang, 'about_internal')]),
    ],
  };
}

/** "2019" for a calendar year, "1. kvartal 2020" for one quarter, else "1. kv. 2019 – 2. kv. 2020". */
export function periodText(from: Quarter, to: Quarter, lang: Lang): string {
  if (from.year === to.year && from.quarter === 1 && to.quarter === 4) return String(from.year);
  if (from.year === to.year && from.quarter === to.quarter) return formatQuarterName(from, lang);
  return `${formatQuarterShort(from, lang)} – ${formatQuarterShort(to, lang)}`;
}

function verdictText(verdict: string, lang: Lang): string {
  return verdict === 'none' ? t(lang, 'summary_no_verdict') : label(lang, 'verdict', verdict);
}
