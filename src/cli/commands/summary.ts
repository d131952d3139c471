import type { Audience } from '../../analyze/audience.js';
import { latestRecordQuarter } from '../../analyze/figures.js';
import { compareQuarters, formatQuarter, parseQuarter, type Quarter, quarterRange } from '../../model/quarters.js';
import { dateRange } from '../../model/dates.js';
import { type Period, periodOf, yearPeriod } from '../../analyze/summary.js';
import type { Dataset } from '../../model/dataset.js';
import type { Lang } from '../../model/schema.js';
import { audienceData, summaryViewFor } from '../../render/pages.js';
import { publishedPersonalData } from '../../render/published-personal-data.js';
import { renderSummaryCsv, type SummaryTable } from '../../render/summary-csv.js';
import { printFindings } from '../diagnostics.js';
import { EXIT, usageError } from '../exit-codes.js';
import { type Io, useColor } from '../io.js';
import { cliText } from '../messages.js';
import { emitFile, emitOutput, emitPdf, outputFormat, requireFile } from '../output.js';
import { summarySheets } from '../../render/summary-xlsx.js';
import { renderWorkbook } from '../../render/xlsx.js';
import { renderDocx } from '../../render/docx.js';
import { loadAndReport, type ProjectOptions } from '../project.js';
import { openTemplates, refuseTemplateError, type TemplateOptions } from '../templates.js';
import { checkQuarterInRange, resolveArea, resolveQuarter } from '../resolve-flags.js';

export interface SummaryOptions extends ProjectOptions, TemplateOptions {
  year?: string;
  from?: string;
  to?: string;
  area?: string;
  allAreas?: boolean;
  table?: SummaryTable;
  format?: 'md' | 'html' | 'csv' | 'json' | 'pdf' | 'xlsx' | 'docx';
  excel?: boolean;
  output?: string;
  audience: Audience;
}

/** `borgermode summary`: the work of a period (a calendar year or a run of quarters) for one area or all. */
export async function summaryCommand(io: Io, given: SummaryOptions): Promise<number> {
  // Before anything is read: the format and the file's name must agree.
  const options = { ...given, format: outputFormat(given, ['md', 'html', 'csv', 'json', 'pdf', 'xlsx', 'docx'] as const) };
  if (options.format === 'xlsx' || options.format === 'docx') requireFile(given, options.format, 'summary');
  const loaded = await loadAndReport(io, options);
  if (!loaded.dataset) return loaded.exitCode;
  const { dataset, lang } = loaded;
  if (options.excel && options.format !== 'csv') throw usageError(cliText(lang, 'excel_needs_csv'));
  if (options.table && options.format !== 'csv') throw usageError(cliText(lang, 'table_needs_csv'));
  if (options.format === 'pdf' && (!options.output || options.output === '-')) throw usageError(cliText(lang, 'pdf_needs_output'));

  const templates = await openTemplates(io, options, { root: dataset.root, lang });
  const source = audienceData(dataset, options.audience);
  const areas = options.allAreas ? dataset.areas.map((a) => a.id) : [resolveArea(dataset, options.area, lang)];
  const { period, partial } = resolvePeriod(source.data, areas, options, lang, loaded.today);
  const view = summaryViewFor(source, areas, period, lang, partial);
  if (options.audience === 'public') {
    const refused = publishedPersonalData(view, loaded.findings, source.data);
    if (refused.length > 0) {
      printFindings(io, refused, { color: useColor(io, options.color), lang, root: dataset.root });
      return EXIT.invalidData;
    }
  }

  if (options.format === 'xlsx') {
    await emitFile(io, options, lang, () => renderWorkbook(summarySheets(view), { creator: 'borgermode' }));
    return EXIT.ok;
  }
  let output: string;
  if (options.format === 'json') output = `${JSON.stringify(view, null, 2)}\n`;
  else if (options.format === 'csv') output = renderSummaryCsv(view, options.table ?? 'activities', { excel: options.excel ?? false });
  else {
    try {
      output = await (
        await templates.renderer(`summary.${options.format === 'pdf' || options.format === 'docx' ? 'html' : options.format}.hbs`)
      )(view);
    } catch (error) {
      return refuseTemplateError(io, error, { color: options.color, lang, root: dataset.root });
    }
  }
  if (options.format === 'pdf') await emitPdf(io, options, lang, output);
  else if (options.format === 'docx') await emitFile(io, options, lang, () => renderDocx(output, { lang }));
  else await emitOutput(io, options, lang, output);
  return EXIT.ok;
}

/**
 * The period of the summary: `--from`/`--to` as given (`--to` defaults to `latest`), else the
 * calendar year of `--year` (default: the year of the latest quarter with data), cut short at
 * that quarter when the year is not over in the data. `latest`: the latest quarter with data of
 * the areas, when the caller has it (build, from its area index) instead of a scan of every record.
 */
export function resolvePeriod(
  dataset: Dataset,
  areas: readonly string[],
  options: Pick<SummaryOptions, 'year' | 'from' | 'to'>,
  lang: Lang,
  today: string,
  latest: Quarter | undefined = latestOf(dataset, areas),
): { period: Period; partial: boolean } {
  if (options.year !== undefined && (options.from !== undefined || options.to !== undefined))
    throw usageError(cliText(lang, 'year_and_range'));
  if (options.from !== undefined) {
    const from = parseQuarter(options.from);
    if (!from) throw usageError(cliText(lang, 'bad_quarter', { value: options.from }));
    checkQuarterInRange(from, options.from, lang, today);
    const to = resolveQuarter(dataset, areas[0]!, options.to ?? 'latest', lang, today, latest);
    if (compareQuarters(from, to) > 0)
      throw usageError(cliText(lang, 'from_after_to', { from: formatQuarter(from), to: formatQuarter(to) }));
    const count = quarterRange(from, to).length;
    if (count > 80)
      throw usageError(cliText(lang, 'period_too_long', { from: formatQuarter(from), to: formatQuarter(to), count: String(count) }));
    return { period: periodOf(from, to), partial: false };
  }
  if (options.to !== undefined) throw usageError(cliText(lang, 'to_needs_from'));
  if (!latest) throw usageError(cliText(lang, 'no_latest', { area: areas.join(', ') }));
  if (options.year !== undefined && !/^\d{4}$/.test(options.year)) throw usageError(cliText(lang, 'bad_year', { value: options.year }));
  const year = options.year === undefined ? latest.year : Number(options.year);
  const { firstYear, lastYear } = dateRange(today);
  if (year < firstYear || year > lastYear)
    throw usageError(cliText(lang, 'year_out_of_range', { value: String(year), from: String(firstYear), to: String(lastYear) }));
  const period = yearPeriod(year, latest);
  if (!period) throw usageError(cliText(lang, 'no_data_in_year', { year: String(year), latest: formatQuarter(latest) }));
  return period;
}

/** The latest quarter with data (an incident or a done activity) over some areas; the crime part says what the police figures cover. */
function latestOf(dataset: Dataset, areas: readonly string[]): Quarter | undefined {
  return areas
    .map((area) => latestRecordQuarter(dataset, area))
    .reduce<Quarter | undefined>((a, q) => (q === undefined || (a !== undefined && compareQuarters(a, q) >= 0) ? a : q), undefined);
}
