import { computeBrief } from '../../analyze/brief.js';
import { latestQuarter } from '../../analyze/figures.js';
import { addQuarters, parseQuarter, type Quarter } from '../../analyze/quarters.js';
import type { Dataset } from '../../load/dataset.js';
import { loadTemplate } from '../../load/load-templates.js';
import type { Lang } from '../../model/schema.js';
import { closest } from '../../model/suggest.js';
import { buildBriefView } from '../../render/brief-view.js';
import { renderTemplate } from '../../render/handlebars.js';
import { writeOutputFile } from '../../write/write-output.js';
import { EXIT, usageError } from '../exit-codes.js';
import type { Io } from '../io.js';
import { cliText } from '../messages.js';
import { loadAndReport, type ProjectOptions } from '../project.js';

export interface ReportOptions extends ProjectOptions {
  quarter: string;
  area?: string;
  format: 'md' | 'html' | 'json';
  output?: string;
}

/** `borgermode report`: the brief of one area and one quarter, on stdout or in a file. */
export async function reportCommand(io: Io, options: ReportOptions): Promise<number> {
  const loaded = await loadAndReport(io, options);
  if (!loaded.dataset) return loaded.exitCode;
  const dataset = loaded.dataset;
  const lang = loaded.lang;
  const area = resolveArea(dataset, options.area, lang);
  const quarter = resolveQuarter(dataset, area, options.quarter, lang);

  const brief = computeBrief(dataset, { area, quarter, foldSensitive: true });
  const view = buildBriefView(brief, lang, dataset.settings.meeting.place, dataset.settings.contacts);
  let output: string;
  if (options.format === 'json') {
    output = `${JSON.stringify(view, null, 2)}\n`;
  } else {
    const { template, partials } = await loadTemplate(`brief.${options.format}.hbs`, options.format);
    output = await renderTemplate(template, view, options.format, partials);
  }

  if (options.output) {
    const path = await writeOutputFile(io.cwd, options.output, output);
    if (!options.quiet) io.stderr.write(`${cliText(lang, 'wrote', { path })}\n`);
  } else {
    io.stdout.write(output);
  }
  return EXIT.ok;
}

function resolveArea(dataset: Dataset, requested: string | undefined, lang: Lang): string {
  if (requested === undefined) return dataset.areas[0]!.id;
  const ids = dataset.areas.map((a) => a.id);
  if (ids.includes(requested)) return requested;
  const hit = closest(requested, ids);
  throw usageError(cliText(lang, 'unknown_area', { value: requested, suggestion: hit ? cliText(lang, 'did_you_mean', { value: hit }) : '', expected: ids.join(', ') }));
}

function resolveQuarter(dataset: Dataset, area: string, requested: string, lang: Lang): Quarter {
  const keyword = requested.toLowerCase();
  if (keyword === 'latest' || keyword === 'previous') {
    const latest = latestQuarter(dataset, area);
    if (!latest) throw usageError(cliText(lang, 'no_latest', { area }));
    return keyword === 'latest' ? latest : addQuarters(latest, -1);
  }
  const quarter = parseQuarter(requested);
  if (!quarter) throw usageError(cliText(lang, 'bad_quarter', { value: requested }));
  return quarter;
}
