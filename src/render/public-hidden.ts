import type { Lang } from '../model/schema.js';
import type { BriefView, CrimeRowView } from './brief-view.js';
import { formatNumber, formatPercent } from './format.js';
import { hiddenShare, isHiddenFigure as isHidden } from './hidden-share.js';
import { t } from './i18n.js';

// The internal brief marks what the public one hides (issue 16, docs/privacy.md "What privacy
// costs"), so the team sees what residents will not: a figure the public brief shows as "<5" or
// "x" gets a dagger, and a note says how many figures that is and whether the public brief
// groups the categories (then its category rows are not the internal ones).

const MARK = '†';
const FIGURES = ['current', 'year_ago', 'previous', 'last4', 'prev4'] as const;
const CHANGES = ['change', 'last4_change'] as const;

/** The internal brief `internal` with the figures `published` (the public brief of the same area and quarter) hides marked. */
export function markPublicHidden(internal: BriefView, published: BriefView, lang: Lang): BriefView {
  const publicRows = new Map(allRows(published).map((row) => [row.id, row]));
  const mark = (row: CrimeRowView): CrimeRowView => {
    const seen = publicRows.get(row.id);
    if (!seen) return row;
    const marked = { ...row };
    for (const key of FIGURES) if (isHidden(seen[key]) && !isHidden(row[key])) marked[key] = `${row[key]}${MARK}`;
    for (const key of CHANGES)
      if (isHidden(seen[key].text) && row[key].text !== '–') marked[key] = { ...row[key], text: `${row[key].text}${MARK}` };
    return marked;
  };
  const { crime } = internal;
  const share = hiddenShare(published);
  const grouped = published.crime.rows.some((row) => !internal.crime.rows.some((r) => r.id === row.id));
  const notes = [
    ...(share.hidden > 0
      ? [
          t(lang, 'public_hides', {
            mark: MARK,
            hidden: formatNumber(share.hidden, lang),
            total: formatNumber(share.total, lang),
            percent: formatPercent((share.hidden / share.total) * 100, lang),
          }),
        ]
      : []),
    ...(grouped ? [t(lang, 'public_grouped')] : []),
  ];
  return {
    ...internal,
    crime: {
      ...crime,
      rows: crime.rows.map(mark),
      crime_total: mark(crime.crime_total),
      concern_rows: crime.concern_rows.map(mark),
      concerns_total: mark(crime.concerns_total),
      footnotes: [...crime.footnotes, ...notes],
    },
  };
}

function allRows(view: BriefView): CrimeRowView[] {
  return [...view.crime.rows, view.crime.crime_total, ...view.crime.concern_rows, view.crime.concerns_total];
}
