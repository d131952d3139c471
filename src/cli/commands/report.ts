import type { Audience } from '../../analyze/audience.js';
import { audienceData, briefViewFor } from '../../render/pages.js';
import { publishedPersonalData } from '../../render/published-personal-data.js';
import { printFindings } from '../diagnostics.js';
import { EXIT, usageError } from '../exit-codes.js';
import { type Io, useColor } from '../io.js';
import { cliText } from '../messages.js';
import { printMessage } from '../safe-text.js';
import { emitFile, emitOutput, emitPdf, outputFormat, requireFile } from '../output.js';
import { renderDocx } from '../../render/docx.js';
import { loadAndReport, type ProjectOptions } from '../project.js';
import { resolveArea, resolveQuarter } from '../resolve-flags.js';
import { openTemplates, refuseTemplateError, type TemplateOptions } from '../templates.js';

export interface ReportOptions extends ProjectOptions, TemplateOptions {
  quarter: string;
  audience: Audience;
  area?: string;
  format?: 'md' | 'html' | 'json' | 'pdf' | 'docx';
  output?: string;
}

/** `borgermode report`: the brief of one area and one quarter, on stdout or in a file. */
export async function reportCommand(io: Io, given: ReportOptions): Promise<number> {
  // Before anything is read: the format and the file's name must agree.
  const options = { ...given, format: outputFormat(given, ['md', 'html', 'json', 'pdf', 'docx'] as const) };
  if (options.format === 'docx') requireFile(given, 'docx', 'brief');
  const loaded = await loadAndReport(io, options);
  if (!loaded.dataset) return loaded.exitCode;
  const dataset = loaded.dataset;
  const lang = loaded.lang;
  const area = resolveArea(dataset, options.area, lang);
  const quarter = resolveQuarter(dataset, area, options.quarter, lang, loaded.today);
  const templates = await openTemplates(io, options, { root: dataset.root, lang });

  // Public output is built from the public dataset only: allowlisted fields, sensitive categories folded.
  const audience = options.audience;
  const source = audienceData(dataset, audience);
  const view = briefViewFor(source, area, quarter, lang, loaded.today);
  // The brief says it too; stderr tells whoever runs it before the handout is printed.
  if (!options.quiet && view.crime.no_figures) printMessage(io, cliText(lang, 'brief_without_figures', { text: view.crime.no_figures }));
  if (!options.quiet && view.crime.provisional) printMessage(io, cliText(lang, 'brief_provisional', { text: view.crime.provisional[0]! }));
  if (audience === 'public') {
    const refused = publishedPersonalData(view, loaded.findings, source.data);
    if (refused.length > 0) {
      printFindings(io, refused, { color: useColor(io, options.color), lang, root: dataset.root });
      return EXIT.invalidData;
    }
  }
  // A PDF is the HTML brief printed by Chromium; it is binary, so it needs a file.
  if (options.format === 'pdf' && (!options.output || options.output === '-')) throw usageError(cliText(lang, 'pdf_needs_output'));
  // A PDF and a Word document are made from the HTML brief.
  const templateFormat = options.format === 'pdf' || options.format === 'docx' ? 'html' : options.format;
  let output: string;
  if (templateFormat === 'json') {
    output = `${JSON.stringify(view, null, 2)}\n`;
  } else {
    try {
      output = await (await templates.renderer(`brief.${templateFormat}.hbs`))(view);
    } catch (error) {
      return refuseTemplateError(io, error, { color: options.color, lang, root: dataset.root });
    }
  }

  if (options.format === 'pdf') {
    await emitPdf(io, options, lang, output);
    return EXIT.ok;
  }
  if (options.format === 'docx') {
    await emitFile(io, options, lang, () => renderDocx(output, { lang }));
    return EXIT.ok;
  }

  await emitOutput(io, options, lang, output);
  return EXIT.ok;
}
