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
  '.docx': 'docx',
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

/** The file names the usage error offers when a binary format has no `-o FILE`. */
const EXAMPLE_NAMES = {
  brief: { da: 'moedeoplaeg', en: 'brief' },
  summary: { da: 'opsamling', en: 'summary' },
  tables: { da: 'tabeller', en: 'tables' },
} as const;

/** A binary format (a workbook, a Word document) writes a file: without `-o FILE` a usage error, before anything is read. */
export function requireFile(options: { output?: string; lang?: Lang }, format: string, example: keyof typeof EXAMPLE_NAMES): void {
  if (options.output !== undefined && options.output !== '-') return;
  const lang = options.lang ?? 'da';
  throw usageError(cliText(lang, 'file_format_needs_output', { format, example: EXAMPLE_NAMES[example][lang] }));
}

/** A binary output (an .xlsx workbook, a .docx document) into `-o FILE`, atomically (requireFile has made sure there is one). */
export async function emitFile(
  io: Io,
  options: { output?: string; quiet?: boolean; format?: string },
  lang: Lang,
  bytes: () => Promise<Buffer>,
): Promise<void> {
  requireFile({ ...options, lang }, options.format ?? '', 'tables');
  const path = await writeOutputFile(io.cwd, options.output!, await bytes());
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
