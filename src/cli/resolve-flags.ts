import { latestQuarter } from '../analyze/figures.js';
import { dateRange } from '../model/dates.js';
import type { Dataset } from '../model/dataset.js';
import { addQuarters, parseQuarter, type Quarter } from '../model/quarters.js';
import type { Lang } from '../model/schema.js';
import { closest } from '../model/suggest.js';
import { usageError } from './exit-codes.js';
import { cliText } from './messages.js';

// The --area and --quarter of the rendering commands (report, compare, summary), resolved against the project.

/** The area of `--area`, or the project's first; an unknown id is a usage error with the nearest. */
export function resolveArea(dataset: Dataset, requested: string | undefined, lang: Lang): string {
  if (requested === undefined) return dataset.areas[0]!.id;
  const ids = dataset.areas.map((a) => a.id);
  if (ids.includes(requested)) return requested;
  const hit = closest(requested, ids);
  throw usageError(
    cliText(lang, 'unknown_area', {
      value: requested,
      suggestion: hit ? cliText(lang, 'did_you_mean', { value: hit }) : '',
      expected: ids.join(', '),
    }),
  );
}

/**
 * A quarter argument: `2020-Q1`, `latest` (the latest quarter with data, of `area` unless given) or
 * `previous`. A quarter written out lies within the dates data may have on `today` (dateRange).
 */
export function resolveQuarter(
  dataset: Dataset,
  area: string,
  requested: string,
  lang: Lang,
  today: string,
  latest = latestQuarter(dataset, area),
): Quarter {
  const keyword = requested.toLowerCase();
  if (keyword === 'latest' || keyword === 'previous') {
    if (!latest) throw usageError(cliText(lang, 'no_latest', { area }));
    return keyword === 'latest' ? latest : addQuarters(latest, -1);
  }
  const quarter = parseQuarter(requested);
  if (!quarter) throw usageError(cliText(lang, 'bad_quarter', { value: requested }));
  checkQuarterInRange(quarter, requested, lang, today);
  return quarter;
}

/** A quarter given on the command line outside dateRange(today) is a usage error: no data can be there, and year 1 broke the date arithmetic. */
export function checkQuarterInRange(quarter: Quarter, written: string, lang: Lang, today: string): void {
  const { firstYear, lastYear } = dateRange(today);
  if (quarter.year < firstYear || quarter.year > lastYear)
    throw usageError(cliText(lang, 'quarter_out_of_range', { value: written, from: `${firstYear}-Q1`, to: `${lastYear}-Q4` }));
}
