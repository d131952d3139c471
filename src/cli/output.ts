import { extname } from 'node:path';
import type { Lang } from '../model/schema.js';
import { writeOutputFile } from '../write/write-output.js';
import { rethrowInLang } from './errors.js';
import { usageError } from './exit-codes.js';
import type { Io } from './io.js';
import { t } from '../render/i18n.js';
import { cliText } from './messages.js';
import { printMessage } from './safe-text.js';

/** The formats a file name's extension names (docs: README, "Output files"). */
const EXTENSIONS: Record<string, string> = {
  '.md': 'md',
  '.markdown': 'md',
  '.html': 'html',
  '.htm': 'html',
  '.pdf': 'pdf',
  '.json': 'json',
  '.csv': 'csv',
  '.xlsx': 'xlsx',
};

/**
 * The output format: `--format` when given, else the one `-o`'s extension names, else `fallback` (Markdown).
 * A conflict between the two, or an extension that names no format the command writes, is a
 * usage error: a file must hold what its name says.
 */
export function outputFormat<F extends string>(
  options: { format?: F | undefined; output?: string | undefined; lang?: Lang | undefined },
  formats: readonly F[],
  fallback: F = 'md' as F,
): F {
  const lang = options.lang ?? 'da';
  const file = options.output === undefined || options.output === '-' ? undefined : options.output;
  const extension = file === undefined ? '' : extname(file).toLowerCase();
  const named = extension === '' ? undefined : EXTENSIONS[extension];
  const list = formats.join(', ');
  if (extension !== '' && (named === undefined || !(formats as readonly string[]).includes(named))) {
    throw usageError(cliText(lang, 'output_extension_unknown', { file: file!, extension, formats: list }));
  }
  if (options.format !== undefined && named !== undefined && options.format !== named) {
    throw usageError(cliText(lang, 'output_extension_conflict', { file: file!, format: options.format, named }));
  }
  return options.format ?? (named as F | undefined) ?? fallback;
}

/** A rendered output: into `-o FILE` (atomically, saying so unless quiet), else (also for `-o -`) on stdout. */
export async function emitOutput(io: Io, options: { output?: string; quiet?: boolean }, lang: Lang, content: string): Promise<void> {
  if (!options.output || options.output === '-') {
    io.stdout.write(content);
    return;
  }
  const path = await writeOutputFile(io.cwd, options.output, content);
  if (!options.quiet) printMessage(io, cliText(lang, 'wrote', { path }));
}

/** A binary output (an .xlsx workbook) into `-o FILE`, atomically; it needs a file (`needsFile` says so otherwise). */
export async function emitFile(
  io: Io,
  options: { output?: string; quiet?: boolean; format?: string },
  lang: Lang,
  bytes: () => Promise<Buffer>,
): Promise<void> {
  if (!options.output || options.output === '-')
    throw usageError(cliText(lang, 'file_format_needs_output', { format: options.format ?? '' }));
  const path = await writeOutputFile(io.cwd, options.output, await bytes());
  if (!options.quiet) printMessage(io, cliText(lang, 'wrote', { path }));
}

/** The HTML of a page printed to PDF by Chromium into `-o FILE` (a PDF is binary: it needs a file). */
export async function emitPdf(io: Io, options: { output?: string; quiet?: boolean }, lang: Lang, html: string): Promise<void> {
  const { writePdf } = await import('../write/pdf.js');
  try {
    const path = await writePdf(io.cwd, options.output!, html, { env: io.env, footer: t(lang, 'pdf_page') });
    if (!options.quiet) printMessage(io, cliText(lang, 'wrote', { path }));
  } catch (error) {
    rethrowInLang(error, lang);
  }
}
