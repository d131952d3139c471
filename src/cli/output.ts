import type { Lang } from '../model/schema.js';
import { writeOutputFile } from '../write/write-output.js';
import type { Io } from './io.js';
import { cliText } from './messages.js';

/** A rendered output: into `-o FILE` (atomically, saying so unless quiet), else on stdout. */
export async function emitOutput(io: Io, options: { output?: string; quiet?: boolean }, lang: Lang, content: string): Promise<void> {
  if (!options.output) {
    io.stdout.write(content);
    return;
  }
  const path = await writeOutputFile(io.cwd, options.output, content);
  if (!options.quiet) io.stderr.write(`${cliText(lang, 'wrote', { path })}\n`);
}
