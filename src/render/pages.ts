import { type AreaIndex, indexArea } from '../analyze/area-index.js';
import { type Audience, datasetFor } from '../analyze/audience.js';
import { computeBrief, computeSafety } from '../analyze/brief.js';
import { compareIncidents, compareListChecks, type CompareTableKind, compareActivities, compareQuestions } from '../analyze/compare.js';
import type { Quarter } from '../model/quarters.js';
import { computeAreaSummary, type Period } from '../analyze/summary.js';
import { NO_SUPPRESSION, planAreaSuppression, type SuppressionPlan } from '../analyze/suppress.js';
import type { Dataset } from '../model/dataset.js';
import type { Lang } from '../model/schema.js';
import { type BriefView, buildBriefView, buildSafetyView } from './brief-view.js';
import { buildCompareView, type CompareView } from './compare-view.js';
import { markPublicHidden } from './public-hidden.js';
import { buildAreaSummaryView, buildSummaryView, type SummaryView } from './summary-view.js';

// The pipeline from checked data to a view model, shared by `report`, `compare`, `summary` and `build`:
// the audience's dataset, the area's suppression plan, the figures, the view.

/**
 * What an audience sees of the project, with each area's index of its records and suppression
 * plan, each made once per area (so `build`, a page per quarter, stays linear in the records).
 */
export interface AudienceData {
  dataset: Dataset;
  audience: Audience;
  data: Dataset;
  index(area: string): AreaIndex;
  plan(area: string): SuppressionPlan;
  /** What the public sees of the same project (itself, for public output): the internal brief marks what that hides. */
  published(): AudienceData;
}

/** `data`: what the audience sees of `dataset`, when it is made already (a worker of `build` is sent it). */
export function audienceData(dataset: Dataset, audience: Audience, data: Dataset = datasetFor(dataset, audience)): AudienceData {
  const indexes = new Map<string, AreaIndex>();
  const plans = new Map<string, SuppressionPlan>();
  const index = (area: string) => {
    let found = indexes.get(area);
    if (!found) indexes.set(area, (found = indexArea(data, area)));
    return found;
  };
  let published: AudienceData | undefined;
  const self: AudienceData = {
    dataset,
    audience,
    data,
    published: () => (audience === 'public' ? self : (published ??= audienceData(dataset, 'public'))),
    index,
    plan: (area) => {
      if (audience === 'internal') return NO_SUPPRESSION;
      let plan = plans.get(area);
      if (!plan) plans.set(area, (plan = planAreaSuppression(data, area, index(area))));
      return plan;
    },
  };
  return self;
}

/** The view model of the brief of one area and quarter. */
export function briefViewFor(source: AudienceData, area: string, quarter: Quarter, lang: Lang, today?: string): BriefView {
  const brief = computeBrief(source.data, {
    area,
    quarter,
    plan: source.plan(area),
    index: source.index(area),
    ...(today ? { today } : {}),
  });
  const view = buildBriefView(brief, {
    lang,
    audience: source.audience,
    meetingPlace: source.dataset.settings.meeting.place,
    contacts: source.dataset.settings.contacts,
  });
  return source.audience === 'internal' ? markPublicHidden(view, briefViewFor(source.published(), area, quarter, lang, today), lang) : view;
}

const TABLES = { incidents: compareIncidents, activities: compareActivities, questions: compareQuestions } as const;

/** The view model of one comparison table of one area; the incidents page also shows the list check of every list year recorded up to `to`. */
export function compareViewFor(
  source: AudienceData,
  table: CompareTableKind,
  area: string,
  to: Quarter,
  count: number,
  lang: Lang,
): CompareView {
  const { data, dataset } = source;
  const found = dataset.areas.find((a) => a.id === area)!;
  const computed = TABLES[table](data, { area, to, count, plan: source.plan(area), index: source.index(area) });
  return buildCompareView(computed, {
    lang,
    audience: source.audience,
    title: dataset.settings.title ?? found.name,
    area: { id: found.id, name: found.name },
    minCount: dataset.settings.privacy.min_count,
    categories: data.categories,
    ...(table === 'incidents' ? { listChecks: compareListChecks(data, area, to) } : {}),
  });
}

/**
 * The view model of the summary of some areas for a period. `partial`: a calendar year cut short
 * at the latest quarter with data.
 */
export function summaryViewFor(source: AudienceData, areas: readonly string[], period: Period, lang: Lang, partial = false): SummaryView {
  const { data, dataset } = source;
  const found = areas.map((id) => dataset.areas.find((a) => a.id === id)!);
  const options = {
    lang,
    audience: source.audience,
    title: dataset.settings.title ?? found.map((a) => a.name).join(', '),
    minCount: dataset.settings.privacy.min_count,
    categories: data.categories,
    partial,
  };
  const summaries = found.map((area) => computeAreaSummary(data, area.id, period, source.plan(area.id), source.index(area.id)));
  const views = summaries.map((summary, i) =>
    buildAreaSummaryView(summary, found[i]!, period, buildSafetyView(computeSafety(source.index(found[i]!.id), period.to), lang), options),
  );
  return buildSummaryView(period, views, summaries, options);
}
