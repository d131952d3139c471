import type { Audience } from '../analyze/audience.js';
import type { Brief, CrimeRow, Safety, TrendPoint } from '../analyze/brief.js';
import type { OfficialComparison } from '../analyze/official.js';
import type { Change } from '../analyze/change.js';
import { compareCodePoints } from '../analyze/collate.js';
import { listPublished } from '../analyze/list-criteria.js';
import { formatQuarter, parseQuarter, type Quarter, quarterStart } from '../model/quarters.js';
import type { Mark } from '../analyze/suppress.js';
import type { InArea } from '../model/dataset.js';
import { type Activity, ANSWERED_STATUSES, type Lang, type Meeting } from '../model/schema.js';
import { type ChartPoint, chartScale, renderBarChart } from './chart.js';
import {
  formatChange,
  formatDate,
  formatChangeSentence,
  formatDayMonth,
  formatDifference,
  formatNumber,
  formatQuarterName,
  formatQuarterShort,
  formatQuarterSpan,
  formatTrend,
} from './format.js';
import { label, listStatusLabel, t } from './i18n.js';
import { buildListCheckView, type ListCheckView } from './list-check-view.js';
import { groupingNotes, officialNotes, rateText } from './compare-view.js';

export type { ListCheckView, MetMark } from './list-check-view.js';

// The view model of the brief: the only data a brief template sees. Every field is picked here
// by name from the records, so nothing that is not meant to be shown (internal_note, …) can
// reach a template. Record text (titles, summaries, answers) may hold inline Markdown; the
// templates render it with the `md` (HTML) or `md_text` (Markdown) helpers.

export interface QuarterView {
  id: string;
  name: string;
  span: string;
}

export interface MeetingView {
  date: string;
  date_text: string;
  time?: string;
  place?: string;
}

export interface ChangeView {
  text: string;
  /** Empty when there is nothing to compare with. */
  marker: '▲' | '▼' | '●' | '';
  words: string;
  percent: number | null;
}

export interface CrimeRowView {
  id: string;
  label: string;
  current: string;
  year_ago: string;
  change: ChangeView;
  previous: string;
  last4: string;
  prev4: string;
  last4_change: ChangeView;
}

export interface BriefView {
  /** Present only in internal output, and first, so it heads the JSON too. */
  notice?: string;
  lang: Lang;
  audience: Audience;
  title: string;
  area: { id: string; name: string; municipality?: string; police_district?: string };
  quarter: QuarterView;
  /** What the figures are compared with; absent when the quarter has no incident figures. */
  comparison?: string;
  meeting?: MeetingView;
  data_through?: { date: string; text: string };
  follow_ups: {
    id: string;
    date_text: string;
    question: string;
    owner: string;
    status: string;
    answer?: string;
    answered_text?: string;
    rumour: boolean;
    verdict?: string;
    activities: { date_text: string; title: string }[];
    internal_note?: string;
  }[];
  activities: {
    total: number;
    kinds: { kind: string; label: string; count: string; participants: string; hours: string }[];
    partners: { name: string; count: number }[];
    notable: { date_text: string; title: string; kind: string; summary?: string; internal_note?: string }[];
  };
  crime: {
    /**
     * Present when the police figures do not cover the quarter: the sentence that says so, and
     * then the section has no table, chart or highlights (only observations and listed incidents).
     */
    no_figures?: string;
    /** Present when the quarter is covered only up to a day inside it: what that means for the figures. */
    provisional?: string[];
    columns: { current: string; year_ago: string; previous: string; last4: string; prev4: string };
    /** The quarters behind each column, for scripts and the disclosure audit. */
    window: { current: string; year_ago: string; previous: string; last4: string[]; prev4: string[] };
    rows: CrimeRowView[];
    crime_total: CrimeRowView;
    concern_rows: CrimeRowView[];
    concerns_total: CrimeRowView;
    highlights: string[];
    /**
     * The chart of the crime and concerns totals over the last eight quarters (oldest first): each
     * series' figures as texts, like the table's, and as inline SVG for HTML (every text inside is
     * escaped, so templates output it with {{{ }}}). No bar is drawn for a suppressed figure.
     */
    chart: { quarters: string[]; series: { id: string; label: string; figures: string[]; svg: string }[] };
    observations?: string;
    summaries: {
      date: string;
      date_text: string;
      category_id: string;
      category: string;
      zone?: string;
      summary: string;
      observation: boolean;
      internal_note?: string;
    }[];
    footnotes: string[];
    /** How suppressed figures are shown; present when some are. */
    suppression?: string;
    /** The area beside its municipality and the country (Danmarks Statistik), when the project keeps their series (docs/official.md). */
    official?: OfficialView;
  };
  /** Absent when there is neither a survey figure nor a list status. */
  safety?: {
    surveys: { year: number; measure: string; level: string; value: string; source: string; n?: string }[];
    list_status?: { year: number; date_text: string; status: string; text: string };
    list_check?: ListCheckView;
  };
  priorities: { title: string; since: string; summary?: string }[];
  /** Absent when nothing is planned and no later meeting is recorded. */
  coming_up?: { activities: { date_text: string; title: string; kind: string }[]; next_meeting?: MeetingView };
  contacts: { role: string; name?: string; phone?: string }[];
  about: string[];
}

/** "Rygte:" or "Rumour:" (any case) at the start of a question's text. */
const RUMOUR_PREFIX = /^\s*(?:rygte|rumou?r)\s*:\s*/i;

/** Activities counted but not listed by title: the routine work. */
const ROUTINE_KINDS = new Set<string>(['patrol', 'dialogue']);
const MAX_HIGHLIGHTS = 3;

export interface BriefViewOptions {
  lang: Lang;
  audience: Audience;
  meetingPlace: string | undefined;
  contacts: readonly { role: string; name?: string; phone?: string }[];
}

/** Turns the computed brief into the texts and numbers a template shows, in one language. */
export function buildBriefView(brief: Brief, { lang, audience, meetingPlace, contacts }: BriefViewOptions): BriefView {
  const n = (value: number) => formatNumber(value, lang);
  const note = (record: { internal_note?: string }) => (record.internal_note ? { internal_note: record.internal_note } : {});
  const q = (quarter: Quarter) => formatQuarterName(quarter, lang);
  const meetingView = (m: InArea<Meeting>): MeetingView => ({
    date: m.date,
    date_text: formatDate(m.date, lang),
    ...(m.time ? { time: m.time } : {}),
    ...((m.place ?? meetingPlace) ? { place: (m.place ?? meetingPlace)! } : {}),
  });
  const coverage = brief.incidentCoverage;
  const sameDays = brief.sameDays;
  const figure = (value: number | null, mark: Mark) =>
    value === null ? NO_DATA : mark === 'primary' ? `<${brief.minCount}` : mark === 'secondary' ? HIDDEN : n(value);
  // A change not computed: "–" when a side has no data, "x" when a side is suppressed.
  const change = (c: Change | null, a: number | null, b: number | null) => changeView(c, lang, a === null || b === null ? NO_DATA : HIDDEN);
  const row = (r: CrimeRow): CrimeRowView => ({
    id: r.id,
    label: r.category ? r.category.labels[lang] : t(lang, r.id === 'crime_total' ? 'crime_total' : 'concerns_total'),
    current: figure(r.current, r.marks.current),
    year_ago: figure(r.yearAgo, r.marks.yearAgo),
    change: change(r.change, r.current, r.yearAgo),
    previous: figure(r.previous, r.marks.previous),
    last4: figure(r.last4, r.marks.last4),
    prev4: figure(r.prev4, r.marks.prev4),
    last4_change: change(r.last4Change, r.last4, r.prev4),
  });
  const allRows = [...brief.crimeRows, brief.crimeTotal, ...brief.concernRows, brief.concernsTotal];
  const noFigures = coverage.kind === 'none';
  const anySuppressed =
    brief.observationsMark !== 'shown' || (!noFigures && allRows.some((r) => Object.values(r.marks).some((m) => m !== 'shown')));
  const anyNoData = !noFigures && allRows.some((r) => [r.current, r.yearAgo, r.previous, r.last4, r.prev4].includes(null));
  // A partial quarter's column says up to which day; the year-ago column is the same days then.
  const until = (quarter: Quarter, date: string | undefined) =>
    date === undefined
      ? formatQuarterShort(quarter, lang)
      : t(lang, 'column_until', { quarter: formatQuarterShort(quarter, lang), date: formatDayMonth(date, lang) });
  const title = brief.title ?? brief.area.name;
  const kindLabel = (a: Activity) => label(lang, 'kind', a.kind);

  const safety = buildSafetyView(brief, lang);

  return {
    ...(audience === 'internal' ? { notice: t(lang, 'internal_only') } : {}),
    lang,
    audience,
    title,
    area: {
      id: brief.area.id,
      name: brief.area.name,
      ...(brief.area.municipality ? { municipality: brief.area.municipality } : {}),
      ...(brief.area.police_district ? { police_district: brief.area.police_district } : {}),
    },
    quarter: quarterView(brief.quarter, lang),
    // A provisional quarter says itself what it is compared with (crime.provisional).
    ...(coverage.kind !== 'full' ? {} : { comparison: t(lang, 'comparison', { year_ago: q(brief.yearAgo), previous: q(brief.previous) }) }),
    ...(brief.meeting ? { meeting: meetingView(brief.meeting) } : {}),
    ...(brief.dataThrough ? { data_through: { date: brief.dataThrough, text: formatDate(brief.dataThrough, lang) } } : {}),
    follow_ups: brief.followUps.map(({ question, state, activities }) => {
      const answered = ANSWERED_STATUSES.has(state);
      return {
        id: question.id,
        date_text: formatDate(question.date, lang),
        // The template writes "Rygte:" before a rumour; one its author already began so would say it twice.
        question: question.rumour ? question.question.replace(RUMOUR_PREFIX, '') : question.question,
        owner: label(lang, 'owner', question.owner),
        status: label(lang, 'status', state === 'not_raised' ? 'open' : state),
        ...(answered && question.answer ? { answer: question.answer } : {}),
        ...(answered && question.answered ? { answered_text: formatDate(question.answered, lang) } : {}),
        rumour: question.rumour,
        ...(answered && question.verdict ? { verdict: label(lang, 'verdict', question.verdict) } : {}),
        activities: activities.map((a) => ({ date_text: formatDate(a.date, lang), title: a.title })),
        ...note(question),
      };
    }),
    activities: {
      total: brief.activities.length,
      kinds: brief.activityKinds.map((k) => ({
        kind: k.kind,
        label: label(lang, 'kind', k.kind),
        count: n(k.count),
        participants: k.participants === null ? '–' : n(k.participants),
        hours: k.hours === null ? '–' : n(k.hours),
      })),
      partners: brief.partners.map((p) => ({ name: p.partner, count: p.count })),
      notable: brief.activities
        .filter((a) => !ROUTINE_KINDS.has(a.kind))
        .map((a) => ({
          date_text: formatDate(a.date, lang),
          title: a.title,
          kind: kindLabel(a),
          ...(a.summary ? { summary: a.summary } : {}),
          ...note(a),
        })),
    },
    crime: {
      ...(noFigures ? { no_figures: noFiguresText(brief, lang) } : {}),
      ...(coverage.kind === 'partial' ? { provisional: provisionalTexts(brief, coverage.until, lang) } : {}),
      columns: {
        current: until(brief.quarter, coverage.kind === 'partial' ? coverage.until : undefined),
        year_ago: until(brief.yearAgo, sameDays?.priorUntil),
        previous: formatQuarterShort(brief.previous, lang),
        last4: t(lang, 'last4'),
        prev4: t(lang, 'prev4'),
      },
      window: {
        current: formatQuarter(brief.quarter),
        year_ago: formatQuarter(brief.yearAgo),
        previous: formatQuarter(brief.previous),
        last4: brief.last4.map(formatQuarter),
        prev4: brief.prev4.map(formatQuarter),
      },
      rows: brief.crimeRows.map(row),
      crime_total: row(brief.crimeTotal),
      concern_rows: brief.concernRows.map(row),
      concerns_total: row(brief.concernsTotal),
      highlights: highlights(brief, lang),
      chart: noFigures ? { quarters: [], series: [] } : chartView(brief, lang, figure),
      ...(brief.observations > 0
        ? {
            observations:
              brief.observationsMark === 'shown'
                ? t(lang, 'observations', { n: n(brief.observations) })
                : t(lang, 'observations_few', { min: brief.minCount }),
          }
        : {}),
      ...(brief.official && !noFigures ? { official: officialView(brief, brief.official, lang) } : {}),
      summaries: brief.incidentSummaries.map((i) => ({
        date: i.date,
        date_text: formatDate(i.date, lang),
        category_id: i.category,
        category: brief.categories.find((c) => c.id === i.category)?.labels[lang] ?? i.category,
        observation: i.source !== 'police',
        ...(i.zone ? { zone: i.zone } : {}),
        summary: i.summary!,
        ...note(i),
      })),
      footnotes: [
        ...(anyNoData ? [t(lang, 'no_data_legend')] : []),
        ...(noFigures
          ? []
          : brief.breaks.map((b) =>
              t(lang, 'not_comparable', { category: b.category.labels[lang], note: b.note, date: formatDate(b.date, lang) }),
            )),
      ],
      ...(anySuppressed ? { suppression: t(lang, 'suppression_legend', { min: brief.minCount, max: brief.minCount - 1 }) } : {}),
    },
    ...(safety ? { safety } : {}),
    priorities: brief.priorities.map((p) => ({
      title: p.title,
      since: formatQuarterName(parseQuarter(p.from)!, lang),
      ...(p.summary ? { summary: p.summary } : {}),
    })),
    ...optionalSection('coming_up', brief.comingUp.length > 0 || brief.nextMeeting !== undefined, () => ({
      activities: brief.comingUp.map((a) => ({ date_text: formatDate(a.date, lang), title: a.title, kind: kindLabel(a) })),
      ...(brief.nextMeeting ? { next_meeting: meetingView(brief.nextMeeting) } : {}),
    })),
    contacts: contacts.map((c) => ({ role: c.role, ...(c.name ? { name: c.name } : {}), ...(c.phone ? { phone: c.phone } : {}) })),
    about: [
      t(lang, 'about_sources'),
      t(lang, 'about_late'),
      t(lang, 'about_change'),
      ...(audience === 'public'
        ? [t(lang, 'about_suppression', { min: brief.minCount, max: brief.minCount - 1 }), ...groupingNotes([brief.grouping], lang)]
        : [t(lang, 'about_internal')]),
    ],
  };
}

function quarterView(quarter: Quarter, lang: Lang): QuarterView {
  return { id: formatQuarter(quarter), name: formatQuarterName(quarter, lang), span: formatQuarterSpan(quarter, lang) };
}

/** Shown where there is no figure: a quarter before the records begin. */
const NO_DATA = '–';
/** Shown for a figure hidden so that a suppressed small count cannot be worked out. */
const HIDDEN = 'x';

function changeView(change: Change | null, lang: Lang, missing: string): ChangeView {
  if (change === null) return { text: missing, marker: '', words: '', percent: null };
  const trend = formatTrend(change, lang);
  return { text: formatChange(change, lang), marker: trend.marker, words: trend.words, percent: change.percent };
}

/** The crime section's sentence when the police figures do not cover the quarter. */
function noFiguresText(brief: Brief, lang: Lang): string {
  const quarter = formatQuarterName(brief.quarter, lang);
  const coverage = brief.coverage;
  if (coverage === undefined) return t(lang, 'no_figures');
  if (coverage.to < quarterStart(brief.quarter)) return t(lang, 'no_figures_not_yet', { quarter, date: formatDate(coverage.to, lang) });
  return t(lang, 'no_figures_before', { quarter, date: formatDate(coverage.from, lang) });
}

/** What a partial quarter's figures are: up to which day, compared with what, and what is left out. */
function provisionalTexts(brief: Brief, until: string, lang: Lang): string[] {
  const values = { quarter: formatQuarterName(brief.quarter, lang), date: formatDate(until, lang) };
  const sameDays = brief.sameDays;
  return [
    sameDays
      ? t(lang, 'provisional', {
          ...values,
          prior_span: `${formatDayMonth(quarterStart(brief.yearAgo), lang)} – ${formatDate(sameDays.priorUntil, lang)}`,
        })
      : t(lang, 'provisional_no_prior', values),
    t(lang, 'provisional_no_sums'),
  ];
}

/** Sentences for the total and the biggest real changes against the same quarter last year (like for like when the quarter is partial). */
function highlights(brief: Brief, lang: Lang): string[] {
  const total = brief.crimeTotal;
  if (total.change === null || total.yearAgo === null || total.current === null) return [];
  const coverage = brief.incidentCoverage;
  const quarter =
    coverage.kind === 'partial'
      ? t(lang, 'until_day', { quarter: formatQuarterName(brief.quarter, lang), date: formatDayMonth(coverage.until, lang) })
      : formatQuarterName(brief.quarter, lang);
  const priorQuarter =
    coverage.kind === 'partial'
      ? t(lang, 'same_days_of', { quarter: formatQuarterName(brief.yearAgo, lang) })
      : formatQuarterName(brief.yearAgo, lang);
  const sentences = [
    `${t(lang, 'total_sentence', {
      reports: t(lang, total.current === 1 ? 'report_one' : 'report_many', { n: formatNumber(total.current, lang) }),
      quarter,
      prior: formatNumber(total.yearAgo, lang),
      prior_quarter: priorQuarter,
    })} ${formatChangeSentence(total.change, lang)}`,
  ];
  const real = [...brief.crimeRows, ...brief.concernRows]
    .filter(
      (r): r is CrimeRow & { change: Change; yearAgo: number; current: number } =>
        r.change !== null && r.change.significant && r.change.absolute !== 0,
    )
    .sort((a, b) => Math.abs(b.change.absolute) - Math.abs(a.change.absolute) || compareCodePoints(a.id, b.id))
    .slice(0, MAX_HIGHLIGHTS);
  // "No category changed" only when some category was compared (not when every one is hidden or without data).
  if (real.length === 0 && [...brief.crimeRows, ...brief.concernRows].some((r) => r.change !== null))
    sentences.push(t(lang, 'no_big_changes'));
  for (const r of real) {
    sentences.push(
      t(lang, r.change.absolute > 0 ? 'highlight_up' : 'highlight_down', {
        label: r.category!.labels[lang],
        current: formatNumber(r.current, lang),
        quarter,
        prior: formatNumber(r.yearAgo, lang),
        prior_quarter: priorQuarter,
        ...formatDifference(r.change.absolute, r.change.percent, lang),
      }),
    );
  }
  return sentences;
}

/** The crime section's chart: both totals on one value axis, so their bars compare. */
function chartView(brief: Brief, lang: Lang, figure: (value: number | null, mark: Mark) => string): BriefView['crime']['chart'] {
  const point = ({ quarter, value, mark, partial }: TrendPoint): ChartPoint => {
    const flag = partial ? { partial } : {};
    return value === null
      ? { quarter, mark: 'no-data' }
      : mark === 'shown'
        ? { quarter, mark, value, ...flag }
        : { quarter, mark, ...flag };
  };
  const series = brief.trend.map((s) => ({
    id: s.id,
    label: t(lang, s.id),
    points: s.points.map(point),
    figures: s.points.map((p) => figure(p.value, p.mark)),
  }));
  const scale = chartScale(
    series.map((s) => s.points),
    brief.minCount,
  );
  return {
    quarters: (brief.trend[0]?.points ?? []).map((p) => formatQuarter(p.quarter)),
    series: series.map((s) => ({
      id: s.id,
      label: s.label,
      figures: s.figures,
      svg: renderBarChart({ id: `chart-${s.id}`, lang, title: s.label, points: s.points, minCount: brief.minCount, scale, table: 'below' }),
    })),
  };
}

/** The tryghed section (the brief's, and a summary's at its end); absent when there is neither a survey figure nor a list status or check. */
export function buildSafetyView(safety: Safety, lang: Lang): BriefView['safety'] {
  if (!(safety.surveys.length > 0 || safety.listStatus?.status !== undefined || safety.listCheck !== undefined)) return undefined;
  return {
    surveys: safety.surveys.map((s) => ({
      year: s.year,
      measure: label(lang, 'measure', s.measure),
      level: label(lang, 'level', s.level),
      value: `${formatNumber(s.value, lang)}${s.unit === '%' ? ' %' : ` ${s.unit}`}`,
      source: s.source,
      ...(s.n !== undefined ? { n: formatNumber(s.n, lang) } : {}),
    })),
    ...(safety.listStatus?.status
      ? {
          list_status: {
            year: safety.listStatus.year,
            date_text: formatDate(listPublished(safety.listStatus.year), lang),
            status: safety.listStatus.status,
            text: listStatusLabel(lang, safety.listStatus.status, safety.listStatus.year),
          },
        }
      : {}),
    ...(safety.listCheck ? { list_check: buildListCheckView(safety.listCheck, lang) } : {}),
  };
}

function optionalSection<K extends string, V>(key: K, shown: boolean, build: () => V): { [P in K]?: V } {
  return (shown ? { [key]: build() } : {}) as { [P in K]?: V };
}

/** The table of the area, its municipality and the country: reported offences per 1,000 residents. */
export interface OfficialView {
  heading: string;
  /** Which of the table's categories are compared. */
  intro: string;
  columns: { quarter: string; last4: string };
  rows: { id: 'area' | 'municipality' | 'country'; label: string; quarter: string; last4: string }[];
  /** What "x" and "–" mean here, the caveats and the source. */
  notes: string[];
}

function officialView(brief: Brief, official: OfficialComparison, lang: Lang): OfficialView {
  const rates = [official.quarter, official.last4].flatMap((side) => [side.area, side.municipality, side.country]);
  const row = (id: 'area' | 'municipality' | 'country', label: string) => ({
    id,
    label,
    quarter: rateText(official.quarter[id], lang),
    last4: rateText(official.last4[id], lang),
  });
  const { intro, notes } = officialNotes(official, rates, lang, { noDataLegend: true });
  return {
    heading: t(lang, 'official_heading'),
    intro,
    columns: { quarter: formatQuarterShort(brief.quarter, lang), last4: t(lang, 'last4') },
    rows: [
      row('area', brief.area.name),
      row(
        'municipality',
        official.municipality === undefined
          ? t(lang, 'official_municipality_unknown')
          : t(lang, 'official_municipality', { name: official.municipality }),
      ),
      row('country', t(lang, 'official_country')),
    ],
    notes,
  };
}
