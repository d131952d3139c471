import { join } from 'node:path';
import { CACHE_DIR } from '../load/cache.js';
import { bundledSampleCacheDir, findProject } from '../load/find-project.js';
import { loadFindings, type LoadOptions, loadProject, type LoadResult } from '../load/load-project.js';
import type { ValidateResult } from '../load/validate-memo.js';
import type { Finding } from '../model/finding.js';
import type { Lang } from '../model/schema.js';
import { countSummary, printFindings } from './diagnostics.js';
import { EXIT } from './exit-codes.js';
import { clock, type Io, useColor } from './io.js';
import { cliText } from './messages.js';

export interface ProjectOptions {
  data?: string;
  quiet?: boolean;
  color?: boolean;
  lang?: Lang;
  /** false with --no-cache: read and check every file, and keep nothing. */
  cache?: boolean;
}

/** "Today" for the bundled sample project, which tells the story as of the April 2020 meeting. */
export const BUNDLED_SAMPLE_TODAY = '2020-04-20';

export interface Loaded extends LoadResult {
  exitCode: number;
  /** The language of messages: --lang, else the project's, else Danish. */
  lang: Lang;
}

/** Finds and loads the project, prints its findings, and says which exit code they mean. */
export async function loadAndReport(io: Io, options: ProjectOptions, printSummary = false): Promise<Loaded> {
  const result = await findAndReport(io, options, printSummary, loadProject);
  return { ...result, exitCode: result.dataset ? EXIT.ok : EXIT.invalidData };
}

/** As loadAndReport, for `validate`: the findings without the dataset, from the memo of the last run when nothing changed (load/validate-memo.ts). */
export async function loadFindingsAndReport(io: Io, options: ProjectOptions, printSummary = false): Promise<ValidateResult & { lang: Lang; exitCode: number }> {
  const result = await findAndReport(io, options, printSummary, loadFindings);
  return { ...result, exitCode: result.ok ? EXIT.ok : EXIT.invalidData };
}

async function findAndReport<R extends { findings: Finding[]; language: Lang | undefined }>(io: Io, options: ProjectOptions, printSummary: boolean, load: (options: LoadOptions) => Promise<R>): Promise<R & { lang: Lang }> {
  const location = await findProject({ data: options.data, cwd: io.cwd });
  if (location.bundled && !options.quiet) io.stderr.write(`${cliText(options.lang ?? 'da', 'bundled')}\n`);
  // The sample is a snapshot of April 2020: judged against that day, not against today.
  const now = location.bundled && !io.env.BORGERMODE_TODAY ? new Date(`${BUNDLED_SAMPLE_TODAY}T12:00:00Z`) : clock(io, options.lang ?? 'da');
  // The cache lives in the project; the bundled sample's was made with the installation and is only read.
  const cached = options.cache !== false && !io.env.BORGERMODE_NO_CACHE;
  const cache = !cached ? {} : location.bundled ? { cacheDir: bundledSampleCacheDir(), cacheReadOnly: true } : { cacheDir: join(location.root, CACHE_DIR) };
  const result = await load({ root: location.root, now, ...cache });
  const lang = options.lang ?? result.language ?? 'da';
  printFindings(io, result.findings, { color: useColor(io, options.color), quiet: options.quiet ?? false, lang, root: location.root });
  if (printSummary && result.findings.length > 0 && !options.quiet) io.stderr.write(`${countSummary(result.findings, lang)}\n`);
  return { ...result, lang };
}
