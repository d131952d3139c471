import type { BriefView, ChangeView, CrimeRowView } from './brief-view.js';

// What privacy costs (issue 16, docs/privacy.md "What privacy costs"): how many of the figures of
// a brief's crime tables public output hides. A figure is hidden when it is "<min_count" or "x",
// and a change when it is not computed because a side is hidden (shown as "x"); a figure without
// data ("–") is neither shown nor hidden, so it counts in neither.

const NO_DATA = '–';

/** A figure's text that public output hides: "<min_count" or "x". */
export const isHiddenFigure = (text: string): boolean => text === 'x' || text.startsWith('<');

/** The hidden figures of a brief's crime tables (every row of both groups and both totals) and all its figures with data. */
export function hiddenShare(view: BriefView): { hidden: number; total: number } {
  const { crime } = view;
  const rows: CrimeRowView[] = [...crime.rows, crime.crime_total, ...crime.concern_rows, crime.concerns_total];
  const texts = rows.flatMap((r) => [
    r.current,
    r.year_ago,
    r.previous,
    r.last4,
    r.prev4,
    ...[r.change, r.last4_change].map((c: ChangeView) => c.text),
  ]);
  const counted = texts.filter((text) => text !== NO_DATA);
  return { hidden: counted.filter(isHiddenFigure).length, total: counted.length };
}
