import type { ListYear } from '../analyze/compare.js';
import {
  type CriterionId,
  CRITERION_IDS,
  type ListCriteriaCheck,
  listPublished,
  RULE_SETS,
  type RuleSet,
  type Threshold,
  type ThresholdGroup,
  type Verdict,
} from '../analyze/list-criteria.js';
import type { Lang } from '../model/schema.js';
import { formatDate, formatNumber } from './format.js';
import { label, listStatusLabel, t } from './i18n.js';

// The list-criteria check in words (docs/list-criteria.md): one list as the brief shows it, and
// every recorded list year side by side as the comparison page shows it. Both are built from the
// same pieces here, so a figure, a threshold, a mark and a result read the same on every page.
// The result is always labelled as borgermode's own computation, beside the official status.

/** The list-criteria check: the tool's own computation from the published figures, shown beside the official status. */
export interface ListCheckView {
  year: number;
  date_text: string;
  /** False before 2018: the figures are shown, the check is not computed. */
  computed: boolean;
  /** The list the figures point to (`none`: no list); absent when a missing figure leaves it open, and when not computed. */
  points_to?: string;
  /** When `points_to` is open: the strictest list whose conditions are met. */
  at_least?: string;
  /** "The list the figures point to (borgermode's own computation …)" */
  lead: string;
  /** The list's name in the year's terms, "at least …", "cannot be determined" or "not computed". */
  result: string;
  columns: { criterion: string; figure: string; tests: { threshold: string; met: string }[] };
  /** One row per criterion; `figure` is "missing" when not recorded; `met` is ✓, – or ? (cannot be judged). */
  rows: { id: string; label: string; figure: string; tests: { threshold: string; met: MetMark }[] }[];
  notes: string[];
}

export type MetMark = '✓' | '–' | '?';

/** One list year's figure of a criterion, with a mark per threshold group of that year (none before 2018). */
export interface ListYearCellView {
  /** The published figure, for scripts; null when the record does not give it. */
  value: number | null;
  figure: string;
  met: MetMark[];
  /** The figure and its marks, as a cell shows them: `42,3 % ✓`, `35 % – / ✓`, `mangler ?`. */
  text: string;
}

/** The list-criteria check of every recorded list year, side by side: the comparison page's section. */
export interface ListChecksView {
  heading: string;
  caption: string;
  /** The header of the first column, then one threshold column per threshold group, then one column per list year. */
  columns: { criterion: string; thresholds: string[]; years: { year: number; date_text: string }[] };
  /** One row per criterion: the thresholds (as `columns.thresholds`) and one cell per year. */
  rows: { id: string; label: string; thresholds: string[]; cells: ListYearCellView[] }[];
  /** The official status of each year: the list's name in that year's terms, or "not recorded". */
  official: { label: string; cells: { status?: string; text: string }[] };
  /** What the figures point to in each year, labelled as borgermode's own computation. */
  computed: { label: string; cells: { computed: boolean; points_to?: string; at_least?: string; text: string }[] };
  notes: string[];
}

const metMark = (verdict: Verdict): MetMark => (verdict === null ? '?' : verdict ? '✓' : '–');

/** A figure of the check with its unit: `42,3 %`, `2,4 gange`, `2.612`. As written, up to 4 decimals, so a figure just over a threshold never shows as the threshold. */
function criterionFigure(id: CriterionId, value: number, lang: Lang): string {
  const number = formatNumber(value, lang, 4);
  if (id === 'residents') return number;
  // A no-break space, so a narrow column never parts a figure from its unit.
  return id === 'conviction_ratio' ? `${number}\u00a0${t(lang, 'list_check_times')}` : `${number}\u00a0%`;
}

function thresholdText(id: CriterionId, threshold: Threshold, lang: Lang): string {
  return `${label(lang, 'list_threshold', threshold.comparison)} ${criterionFigure(id, threshold.value, lang)}`;
}

/** "a, b og c" */
function joinWords(words: readonly string[], lang: Lang): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} ${t(lang, 'and')} ${words.at(-1)}`;
}

const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase() + text.slice(1);
const upperFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);
const criterionLabel = (id: CriterionId, lang: Lang) => label(lang, 'list_criterion', id);
const rulesOf = (check: ListCriteriaCheck): RuleSet | undefined => RULE_SETS.find((r) => r.id === check.rules);

/** What the figures point to: the list's name in the year's terms, "mindst …", "kan ikke afgøres" or "ikke beregnet". */
function resultText(check: ListCriteriaCheck, lang: Lang): string {
  const name = (status: string) => listStatusLabel(lang, status, check.year);
  if (!rulesOf(check)) return t(lang, 'list_check_not_computed');
  if (check.points_to) return name(check.points_to);
  return check.at_least ? t(lang, 'list_check_at_least', { list: name(check.at_least) }) : t(lang, 'list_check_open');
}

/** What cannot be judged in a check, and why: missing figures, missing earlier years. */
function openNotes(check: ListCriteriaCheck, lang: Lang): string[] {
  const rules = rulesOf(check);
  if (!rules) return [];
  const name = (status: string) => listStatusLabel(lang, status, check.year);
  const notes: string[] = [];
  if (check.missing.length > 0)
    notes.push(
      t(lang, 'list_check_missing', {
        criteria: joinWords(
          check.missing.map((id) => lowerFirst(criterionLabel(id, lang))),
          lang,
        ),
      }),
    );
  if (check.missing_years.length > 0) {
    notes.push(
      t(lang, 'list_check_missing_years', {
        list: upperFirst(name('transformation_area')),
        years: rules.years_in_a_row,
        prior: name('parallel_society'),
        missing: joinWords(check.missing_years.map(String), lang),
      }),
    );
  }
  return notes;
}

/** The rules of a rule set, with the lists named as in `year`. */
function ruleNotes(rules: RuleSet, year: number, lang: Lang): string[] {
  const name = (status: string) => listStatusLabel(lang, status, year);
  return rules.groups.map((group) => {
    const values = {
      residents: formatNumber(group.thresholds.residents.value, lang),
      non_western: thresholdText('non_western_pct', group.thresholds.non_western_pct, lang),
    };
    return group.id === 'main'
      ? t(lang, 'list_check_rules', {
          ...values,
          vulnerable: upperFirst(name('vulnerable')),
          parallel: upperFirst(name('parallel_society')),
          transformation: upperFirst(name('transformation_area')),
          prior: name('parallel_society'),
          years: rules.years_in_a_row,
        })
      : t(lang, 'list_check_rules_prevention', { ...values, prevention: upperFirst(name('prevention_area')) });
  });
}

const thresholdHeader = (group: ThresholdGroup['id'], lang: Lang) =>
  t(lang, group === 'main' ? 'list_check_threshold' : 'list_check_threshold_prevention');

/** A figure as the table shows it, "mangler" when the record does not give it. */
const figureText = (id: CriterionId, value: number | undefined, lang: Lang) =>
  value === undefined ? t(lang, 'list_check_missing_figure') : criterionFigure(id, value, lang);

/** The check of one list as the brief shows it: a table of the published figures against the thresholds of the list's year, and what they point to. */
export function buildListCheckView(check: ListCriteriaCheck, lang: Lang): ListCheckView {
  const rules = rulesOf(check);
  const date = formatDate(listPublished(check.year), lang);
  const notes = rules
    ? [...openNotes(check, lang), ...ruleNotes(rules, check.year, lang), t(lang, 'list_check_legend')]
    : [t(lang, 'list_check_not_computed_note', { date })];
  return {
    year: check.year,
    date_text: date,
    computed: rules !== undefined,
    ...(check.points_to ? { points_to: check.points_to } : {}),
    ...(check.at_least ? { at_least: check.at_least } : {}),
    lead: t(lang, 'list_check_lead'),
    result: resultText(check, lang),
    columns: {
      criterion: t(lang, 'list_check_criterion'),
      figure: t(lang, 'list_check_figure'),
      tests: (rules?.groups ?? []).map((g) => ({
        threshold: thresholdHeader(g.id, lang),
        met: t(lang, g.id === 'main' ? 'list_check_met' : 'list_check_met_prevention'),
      })),
    },
    rows: check.criteria.map((c) => ({
      id: c.id,
      label: criterionLabel(c.id, lang),
      figure: figureText(c.id, c.value, lang),
      tests: c.tests.map((test) => ({ threshold: thresholdText(c.id, test.threshold, lang), met: metMark(test.met) })),
    })),
    notes,
  };
}

/**
 * The checks of several list years side by side (oldest first): one row per criterion with its
 * thresholds, one column per year with the figure and a mark per threshold group, then the
 * official status and the computed result of each year. A year without figures keeps its column
 * for its official status; its figures are "mangler" and its result "ikke beregnet". The threshold columns come from the
 * latest year with each group: the groups' thresholds are the same in every rule set
 * (test/render/list-check-view.test.ts checks that, so a change of thresholds cannot go unseen here).
 */
export function buildListChecksView(years: readonly ListYear[], lang: Lang): ListChecksView {
  const checks = years.flatMap(({ year, check }) => (check ? [{ year, check }] : []));
  const groups = (['main', 'prevention'] as const).flatMap((id) => {
    const latest = [...checks]
      .reverse()
      .map(({ check }) => rulesOf(check)?.groups.find((g) => g.id === id))
      .find((g) => g !== undefined);
    return latest ? [latest] : [];
  });
  const cell = (check: ListCriteriaCheck | undefined, id: CriterionId): ListYearCellView => {
    const criterion = check?.criteria.find((c) => c.id === id);
    const figure = figureText(id, criterion?.value, lang);
    const met = (criterion?.tests ?? []).map((test) => metMark(test.met));
    return { value: criterion?.value ?? null, figure, met, text: met.length > 0 ? `${figure} ${met.join(' / ')}` : figure };
  };

  const notes: string[] = [];
  for (const { year, check } of years) {
    const yearNotes = check ? openNotes(check, lang) : [t(lang, 'list_checks_no_figures')];
    for (const note of yearNotes) notes.push(t(lang, 'list_checks_year_note', { year, note }));
  }
  const byRules = RULE_SETS.map((rules) => ({ rules, years: checks.filter(({ check }) => check.rules === rules.id).map((c) => c.year) }))
    .filter((r) => r.years.length > 0)
    .reverse();
  for (const { rules, years: ruleYears } of byRules) {
    const text = ruleNotes(rules, ruleYears[0]!, lang).join(' ');
    // Named by years only when the page shows lists under two sets of rules.
    notes.push(byRules.length > 1 ? t(lang, 'list_checks_rules_of', { years: joinWords(ruleYears.map(String), lang), rules: text }) : text);
  }
  const notComputed = checks.filter(({ check }) => !rulesOf(check));
  if (notComputed.length > 0)
    notes.push(
      t(lang, 'list_check_not_computed_note', {
        date: joinWords(
          notComputed.map((y) => formatDate(listPublished(y.year), lang)),
          lang,
        ),
      }),
    );
  const twoMarks = checks.find(({ check }) => (rulesOf(check)?.groups.length ?? 0) > 1);
  if (twoMarks) notes.push(t(lang, 'list_checks_two_marks', { year: twoMarks.year }));
  if (byRules.length > 0) notes.push(t(lang, 'list_check_legend'));

  return {
    heading: t(lang, 'list_checks_heading'),
    caption: t(lang, 'list_checks_caption'),
    columns: {
      criterion: t(lang, 'list_check_criterion'),
      thresholds: groups.map((g) => thresholdHeader(g.id, lang)),
      years: years.map((y) => ({ year: y.year, date_text: formatDate(listPublished(y.year), lang) })),
    },
    rows: CRITERION_IDS.map((id) => ({
      id,
      label: criterionLabel(id, lang),
      thresholds: groups.map((g) => thresholdText(id, g.thresholds[id], lang)),
      cells: years.map((y) => cell(y.check, id)),
    })),
    official: {
      label: t(lang, 'list_checks_official'),
      cells: years.map((y) =>
        y.status ? { status: y.status, text: listStatusLabel(lang, y.status, y.year) } : { text: t(lang, 'list_checks_not_recorded') },
      ),
    },
    computed: {
      label: t(lang, 'list_check_lead'),
      cells: years.map(({ check }) =>
        check
          ? {
              computed: rulesOf(check) !== undefined,
              ...(check.points_to ? { points_to: check.points_to } : {}),
              ...(check.at_least ? { at_least: check.at_least } : {}),
              text: resultText(check, lang),
            }
          : { computed: false, text: t(lang, 'list_check_not_computed') },
      ),
    },
    notes,
  };
}
