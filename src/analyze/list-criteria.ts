import type { LIST_STATUSES, ListStatus } from '../model/schema.js';

// The list-criteria check: a list_status record's published figures against the thresholds of
// almenboligloven §§ 61 a–b for the list of its year (docs/list-criteria.md). It is the tool's
// own computation beside the official status, never in its place. A missing figure leaves a
// criterion, and every list that needs it, open (null): a list is never claimed on a guess.

export type ListStatusValue = (typeof LIST_STATUSES)[number];
export type ListName = Exclude<ListStatusValue, 'none'>;

/** Met, not met, or null: cannot be judged because a figure it needs is missing. */
export type Verdict = boolean | null;

/** The rows of the check, in the order of the table: the residents minimum, the four criteria, the non-Western share. */
export const CRITERION_IDS = [
  'residents',
  'outside_work_education_pct',
  'conviction_ratio',
  'basic_education_only_pct',
  'income_ratio_pct',
  'non_western_pct',
] as const;
export type CriterionId = (typeof CRITERION_IDS)[number];

/** The four criteria of which at least two must be met (§ 61 a, stk. 1, nr. 1–4; § 61 b, nr. 1–4). */
const FOUR_CRITERIA = ['outside_work_education_pct', 'conviction_ratio', 'basic_education_only_pct', 'income_ratio_pct'] as const;

/** `above` is strict (>), `at_least` is ≥, `below` is strict (<): as the law words each one. */
export interface Threshold {
  comparison: 'above' | 'at_least' | 'below';
  value: number;
}

/** The thresholds one list (or pair of lists) applies to each row. */
type Thresholds = Record<CriterionId, Threshold>;

/** The thresholds of one group of lists and which lists they decide. */
export interface ThresholdGroup {
  /** `main`: udsat boligområde and ghettoområde/parallelsamfund; `prevention`: forebyggelsesområde (from 2021). */
  id: 'main' | 'prevention';
  thresholds: Thresholds;
}

export interface RuleSet {
  id: 'lists_2018' | 'lists_2021';
  /** The first list year the rules apply to. */
  from: number;
  groups: ThresholdGroup[];
  /** Years in a row as ghettoområde/parallelsamfund that make hårdt ghettoområde/omdannelsesområde. */
  years_in_a_row: number;
}

const above = (value: number): Threshold => ({ comparison: 'above', value });
const atLeast = (value: number): Threshold => ({ comparison: 'at_least', value });
const below = (value: number): Threshold => ({ comparison: 'below', value });

/** § 61 a, stk. 1–2 (and the 1,000 residents of the boligområde): the same in both rule sets. */
const MAIN: Thresholds = {
  residents: atLeast(1000),
  outside_work_education_pct: above(40),
  conviction_ratio: atLeast(3),
  basic_education_only_pct: above(60),
  income_ratio_pct: below(55),
  non_western_pct: above(50),
};

/** § 61 b (from the list of 1 December 2021): forebyggelsesområde. */
const PREVENTION: Thresholds = {
  residents: atLeast(1000),
  outside_work_education_pct: above(30),
  conviction_ratio: atLeast(2),
  basic_education_only_pct: above(60),
  income_ratio_pct: below(65),
  non_western_pct: above(30),
};

/** The rule sets, latest first. */
export const RULE_SETS: readonly RuleSet[] = [
  {
    id: 'lists_2021',
    from: 2021,
    groups: [
      { id: 'main', thresholds: MAIN },
      { id: 'prevention', thresholds: PREVENTION },
    ],
    years_in_a_row: 5,
  },
  { id: 'lists_2018', from: 2018, groups: [{ id: 'main', thresholds: MAIN }], years_in_a_row: 4 },
];

/** The day the list of `year` is published: each 1 December (almenboligloven § 61 a, stk. 5). */
export const listPublished = (year: number): string => `${year}-12-01`;

/** The rules of the list of 1 December `year`; undefined before 2018, when the check is not computed. */
export function ruleSetOf(year: number): RuleSet | undefined {
  return RULE_SETS.find((rules) => year >= rules.from);
}

export interface CriterionTest {
  group: ThresholdGroup['id'];
  threshold: Threshold;
  met: Verdict;
}

export interface CriterionCheck {
  id: CriterionId;
  /** The published figure; absent when the record does not give it. */
  value?: number;
  /** One test per threshold group of the year's rules; none before 2018. */
  tests: CriterionTest[];
}

export interface ListVerdict {
  list: ListName;
  met: Verdict;
}

export interface ListCriteriaCheck {
  year: number;
  /** Absent before 2018: the figures are shown, the check is not computed. */
  rules?: RuleSet['id'];
  criteria: CriterionCheck[];
  /** Each list of the year's rules, strictest first. */
  lists: ListVerdict[];
  /** The list the figures point to (`none`: no list); absent when a missing figure leaves it open, and before 2018. */
  points_to?: ListStatusValue;
  /** When `points_to` is open: the strictest list whose conditions are met, if any. */
  at_least?: ListName;
  /** Rows whose figure is missing, so they cannot be judged (table order); only when computed. */
  missing: CriterionId[];
  /**
   * Earlier list years the multi-year rule needs but whose figures are not recorded (or do not
   * settle the year); given only when the rule is still open because of them.
   */
  missing_years: number[];
}

/** Whether a record gives any figure to check (residents or a criterion). */
export function hasListFigures(record: ListStatus): boolean {
  return Object.keys(figuresOf(record)).length > 0;
}

/** The figures of a record, by row; residents and the criteria side by side. */
function figuresOf(record: ListStatus): Partial<Record<CriterionId, number>> {
  return { ...(record.residents !== undefined ? { residents: record.residents } : {}), ...record.criteria };
}

/** Whether a figure meets a threshold; null when the figure is missing. */
export function meets(value: number | undefined, threshold: Threshold): Verdict {
  if (value === undefined) return null;
  if (threshold.comparison === 'above') return value > threshold.value;
  if (threshold.comparison === 'at_least') return value >= threshold.value;
  return value < threshold.value;
}

/** Three-valued "and": false as soon as one is false, open while one is open. */
function all(verdicts: readonly Verdict[]): Verdict {
  if (verdicts.includes(false)) return false;
  return verdicts.includes(null) ? null : true;
}

/** At least two of the four criteria: open while the open ones could still make or break it. */
function twoOf(verdicts: readonly Verdict[]): Verdict {
  const met = verdicts.filter((v) => v === true).length;
  const open = verdicts.filter((v) => v === null).length;
  if (met >= 2) return true;
  return met + open >= 2 ? null : false;
}

type Figures = Partial<Record<CriterionId, number>>;

/** ≥ 1,000 residents and at least two of the four criteria of a threshold group. */
function meetsTwoOfFour(figures: Figures, thresholds: Thresholds): Verdict {
  return all([meets(figures.residents, thresholds.residents), twoOf(FOUR_CRITERIA.map((id) => meets(figures[id], thresholds[id])))]);
}

/** The area is udsat and its non-Western share is above the group's threshold (ghettoområde/parallelsamfund, forebyggelsesområde). */
function meetsWithNonWestern(figures: Figures, thresholds: Thresholds): Verdict {
  return all([meetsTwoOfFour(figures, thresholds), meets(figures.non_western_pct, thresholds.non_western_pct)]);
}

/**
 * Checks a list_status record's figures against the rules of its list year. `earlier` are the
 * area's other list_status records; the multi-year rule (hårdt ghettoområde, omdannelsesområde)
 * judges each earlier year by this year's thresholds and is open while a needed year is missing.
 */
export function computeListCheck(record: ListStatus, earlier: readonly ListStatus[] = []): ListCriteriaCheck {
  const figures = figuresOf(record);
  const rules = ruleSetOf(record.year);
  const row = (id: CriterionId, tests: CriterionTest[]): CriterionCheck => ({
    id,
    ...(figures[id] !== undefined ? { value: figures[id] } : {}),
    tests,
  });
  if (!rules) {
    return { year: record.year, criteria: CRITERION_IDS.map((id) => row(id, [])), lists: [], missing: [], missing_years: [] };
  }

  const criteria = CRITERION_IDS.map((id) =>
    row(
      id,
      rules.groups.map((g) => ({ group: g.id, threshold: g.thresholds[id], met: meets(figures[id], g.thresholds[id]) })),
    ),
  );
  const main = rules.groups.find((g) => g.id === 'main')!.thresholds;
  const prevention = rules.groups.find((g) => g.id === 'prevention')?.thresholds;

  const vulnerable = meetsTwoOfFour(figures, main);
  const parallel = meetsWithNonWestern(figures, main);
  // The years before this one that the rule needs, each judged by this year's thresholds.
  const years = Array.from({ length: rules.years_in_a_row - 1 }, (_, i) => record.year - rules.years_in_a_row + 1 + i);
  const earlierVerdicts = years.map((year) => {
    const found = earlier.find((r) => r.year === year && r !== record);
    return { year, met: found ? meetsWithNonWestern(figuresOf(found), main) : null };
  });
  const inARow = all([parallel, ...earlierVerdicts.map((e) => e.met)]);

  const lists: ListVerdict[] = [
    { list: 'transformation_area', met: inARow },
    { list: 'parallel_society', met: parallel },
    { list: 'vulnerable', met: vulnerable },
    ...(prevention ? [{ list: 'prevention_area' as const, met: meetsWithNonWestern(figures, prevention) }] : []),
  ];

  return {
    year: record.year,
    rules: rules.id,
    criteria,
    lists,
    ...pointsTo(lists),
    missing: CRITERION_IDS.filter((id) => figures[id] === undefined),
    missing_years: inARow === null ? earlierVerdicts.filter((e) => e.met === null).map((e) => e.year) : [],
  };
}

/** The strictest list met, when no stricter one is left open; else the strictest met as a lower bound. */
function pointsTo(lists: readonly ListVerdict[]): Pick<ListCriteriaCheck, 'points_to' | 'at_least'> {
  let open = false;
  for (const { list, met } of lists) {
    if (met === true) return open ? { at_least: list } : { points_to: list };
    if (met === null) open = true;
  }
  return open ? {} : { points_to: 'none' };
}
