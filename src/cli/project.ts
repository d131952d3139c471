import { findProject } from '../load/find-project.js';
import { loadProject, type LoadResult } from '../load/load-project.js';
import type { Lang } from '../model/schema.js';
import { countSummary, printFindings } from './diagnostics.js';
import { EXIT } from './exit-codes.js';
import { clock, type Io, useColor } from './io.js';

export interface ProjectOptions {
  data?: string;
  quiet?: boolean;
  color?: boolean;
  lang?: Lang;
}

/** "Today" for the bundled sample project, which tells the story as of the April 2020 meeting. */
export const BUNDLED_SAMPLE_TODAY = '2020-04-20';

const BUNDLED_NOTICE: Record<Lang, string> = {
  da: 'Ingen borgermode.yaml i denne mappe eller mapperne over; bruger eksempelprojektet (Værebro Park). Brug --data MAPPE for dine egne data.',
  en: 'No borgermode.yaml in this folder or above it; using the bundled sample project (Værebro Park). Pass --data DIR for your own data.',
};

/** Finds and loads the project, prints its findings, and says which exit code they mean. */
export async function loadAndReport(io: Io, options: ProjectOptions, printSummary = false): Promise<LoadResult & { exitCode: number }> {
  const location = await findProject({ data: options.data, cwd: io.cwd });
  if (location.bundled && !options.quiet) io.stderr.write(`${BUNDLED_NOTICE[options.lang ?? 'da']}\n`);
  // The sample is a snapshot of April 2020: judged against that day, not against today.
  const now = location.bundled && !io.env.BORGERMODE_TODAY ? new Date(`${BUNDLED_SAMPLE_TODAY}T12:00:00Z`) : clock(io);
  const result = await loadProject({ root: location.root, now });
  printFindings(io, result.findings, { color: useColor(io, options.color), quiet: options.quiet ?? false });
  if (printSummary && result.findings.length > 0 && !options.quiet) io.stderr.write(`${countSummary(result.findings)}\n`);
  return { ...result, exitCode: result.dataset ? EXIT.ok : EXIT.invalidData };
}
