import type { Lang } from '../model/schema.js';
import { writeOutputFile } from '../write/write-output.js';
import { CliError, EXIT } from './exit-codes.js';
import type { Io } from './io.js';
import { cliText, pdfErrorText } from './messages.js';

/** A rendered output: into `-o FILE` (atomically, saying so unless quiet), else on stdout. */
export async function emitOutput(io: Io, options: { output?: string; quiet?: boolean }, lang: Lang, content: string): Promise<void> {
  if (!options.output) {
    io.stdout.write(content);
    return;
  }
  const path = await writeOutputFile(io.cwd, options.output, content);
  if (!options.quiet) io.stderr.write(`${cliText(lang, 'wrote', { path })}\n`);
}

/** The HTML of a page printed to PDF by Chromium into `-o FILE` (a PDF is binary: it needs a file). */
export async function emitPdf(io: Io, options: { output?: string; quiet?: boolean }, lang: Lang, html: string): Promise<void> {
  const { writePdf, PdfError } = await import('../write/pdf.js');
  try {
    const path = await writePdf(io.cwd, options.output!, html, { env: io.env, lang });
    if (!options.quiet) io.stderr.write(`${cliText(lang, 'wrote', { path })}\n`);
  } catch (error) {
    throw error instanceof PdfError ? new CliError(pdfErrorText(error, lang), EXIT.usage) : error;
  }
}
