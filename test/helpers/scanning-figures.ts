import type { Dataset, InArea } from '../../src/model/dataset.js';
import { type Quarter, quarterEnd, quarterIndex, quarterOf } from '../../src/model/quarters.js';
import type { Incident } from '../../src/model/schema.js';

// What the area index (src/analyze/area-index.ts) answers, by scanning every record each time:
// the plain definitions its test holds it to. The CLI uses only the index.

/** Observations of one area in one quarter: incidents reported by residents, patrols or others, counted apart from crime. */
export function countObservations(incidents: readonly InArea<Incident>[], area: string, quarter: Quarter): number {
  const index = quarterIndex(quarter);
  return incidents
    .filter((i) => i.area === area && i.source !== 'police' && quarterIndex(quarterOf(i.date)) === index)
    .reduce((sum, i) => sum + i.count, 0);
}

/** "Data through": the latest date of an incident or done activity of the area not after the quarter's end. */
export function dataThrough(dataset: Dataset, area: string, quarter: Quarter): string | undefined {
  const end = quarterEnd(quarter);
  let latest: string | undefined;
  const consider = (date: string) => {
    if (date <= end && (latest === undefined || date > latest)) latest = date;
  };
  for (const incident of dataset.incidents) if (incident.area === area) consider(incident.date);
  for (const activity of dataset.activities) if (activity.area === area && activity.status === 'done') consider(activity.date);
  return latest;
}
