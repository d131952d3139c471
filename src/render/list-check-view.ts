import { type CriterionId, type ListCriteriaCheck, listPublished, RULE_SETS, type RuleSet, type Threshold, type ThresholdGroup, type Verdict } from '../analyze/list-criteria.js';
import type { Lang } from '../model/schema.js';
import { formatDate, formatNumber } from './format.js';
import { label, listStatusLabel, t } from './i18n.js';

// The list-criteria check in words (docs/list-criteria.md), as the brief shows it, built from
// small pieces (a figure, a threshold, a mark, a result, the notes) that other pages can share,
// so the check reads the same everywhere. The result is always labelled as borgermode's own
// computation, beside the official status.

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
  if (check.missing.length > 0) notes.push(t(lang, 'list_check_missing', { criteria: joinWords(check.missing.map((id) => lowerFirst(criterionLabel(id, lang))), lang) }));
  if (check.missing_years.length > 0) {
    notes.push(t(lang, 'list_check_missing_years', { list: upperFirst(name('transformation_area')), years: rules.years_in_a_row, prior: name('parallel_society'), missing: joinWords(check.missing_years.map(String), lang) }));
  }
  return notes;
}

/** The rules of a rule set, with the lists named as in `year`. */
function ruleNotes(rules: RuleSet, year: number, lang: Lang): string[] {
  const name = (status: string) => listStatusLabel(lang, status, year);
  return rules.groups.map((group) => {
    const values = { residents: formatNumber(group.thresholds.residents.value, lang), non_western: thresholdText('non_western_pct', group.thresholds.non_western_pct, lang) };
    return group.id === 'main'
      ? t(lang, 'list_check_rules', { ...values, vulnerable: upperFirst(name('vulnerable')), parallel: upperFirst(name('parallel_society')), transformation: upperFirst(name('transformation_area')), prior: name('parallel_society'), years: rules.years_in_a_row })
      : t(lang, 'list_check_rules_prevention', { ...values, prevention: upperFirst(name('prevention_area')) });
  });
}

const thresholdHeader = (group: ThresholdGroup['id'], lang: Lang) => t(lang, group === 'main' ? 'list_check_threshold' : 'list_check_threshold_prevention');

/** A figure as the table shows it, "mangler" when the record does not give it. */
const figureText = (id: CriterionId, value: number | undefined, lang: Lang) => (value === undefined ? t(lang, 'list_check_missing_figure') : criterionFigure(id, value, lang));

/** The check of one list as the brief shows it: a table of the published figures against the thresholds of the list's year, and what they point to. */
export function buildListCheckView(check: ListCriteriaCheck, lang: Lang): ListCheckView {
  const rules = rulesOf(check);
  const date = formatDate(listPublished(check.year), lang);
  const notes = rules ? [...openNotes(check, lang), ...ruleNotes(rules, check.year, lang), t(lang, 'list_check_legend')] : [t(lang, 'list_check_not_computed_note', { date })];
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
      tests: (rules?.groups ?? []).map((g) => ({ threshold: thresholdHeader(g.id, lang), met: t(lang, g.id === 'main' ? 'list_check_met' : 'list_check_met_prevention') })),
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
