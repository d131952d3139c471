import { join } from 'node:path';
import type { CheckCache } from '../edit/check-change.js';
import { CACHE_DIR } from '../load/cache.js';
import { CACHE_KEY_FILE, loadCacheKey, userCacheKeyFile } from '../load/cache-key.js';
import { bundledProject, bundledSampleCacheDir, findProject, type ProjectLocation } from '../load/find-project.js';
import { todayIso } from '../model/dates.js';
import { loadFindings, type LoadOptions, loadProject, type LoadResult } from '../load/load-project.js';
import type { ValidateResult } from '../load/validate-memo.js';
import { type Finding, hasErrors, sortFindings } from '../model/finding.js';
import { readOfficialSeries } from '../load/official.js';
import type { Lang } from '../model/schema.js';
import { countSummary, printFindings } from './diagnostics.js';
import { EXIT, usageError } from './exit-codes.js';
import { clock, type Io, type OutputStream, useColor } from './io.js';
import { cliText } from './messages.js';
import { printMessage } from './safe-text.js';

export interface ProjectOptions {
  data?: string;
  /** --sample: read the bundled sample project, also in CI and for build (never with --data). */
  sample?: boolean;
  quiet?: boolean;
  color?: boolean;
  lang?: Lang;
  /** false with --no-cache: read and check every file, and keep nothing. */
  cache?: boolean;
}

/** "Today" for the bundled sample project, which tells the story as of the April 2020 meeting. */
export const BUNDLED_SAMPLE_TODAY = '2020-04-20';

/** How a command reads its project. */
export interface ReadOptions {
  /** Print the count of the findings after them (validate). */
  printSummary?: boolean;
  /** Where the notice goes that the sample stands in for a missing project, when `io`'s stderr is silenced for --json (default: io.stderr). */
  notices?: OutputStream;
  /** The command publishes (build): the sample never stands in for a missing project, only --sample reads it. */
  publishes?: boolean;
}

export interface Loaded extends LoadResult {
  exitCode: number;
  /** The language of messages: --lang, else the project's, else Danish. */
  lang: Lang;
  /** The bundled sample was read (--sample, or no project found): --json results say so. */
  sample: boolean;
  /** Today (YYYY-MM-DD) as the run sees it: the clock, BORGERMODE_TODAY, or the sample's own day. */
  today: string;
}

/**
 * Finds and loads the project, prints its findings, and says which exit code they mean. Data with
 * errors ends with the verdict line (issue 18, item 6): validate's count, and that nothing was
 * written ("2 fejl, 3 advarsler – intet er skrevet").
 */
export async function loadAndReport(io: Io, options: ProjectOptions, read: ReadOptions = {}): Promise<Loaded> {
  const result = await findAndReport(io, options, read, async (load) => {
    const [loaded, official] = await Promise.all([loadProject(load), readOfficialSeries(load.root)]);
    if (official.series === undefined && official.findings.length === 0) return loaded;
    const findings = sortFindings([...loaded.findings, ...official.findings]);
    const dataset = loaded.dataset && !hasErrors(official.findings) ? { ...loaded.dataset, official: official.series } : undefined;
    return { ...loaded, findings, dataset };
  });
  if (!result.dataset) printMessage(io, `${countSummary(result.findings, result.lang)} – ${cliText(result.lang, 'nothing_written')}`);
  return { ...result, exitCode: result.dataset ? EXIT.ok : EXIT.invalidData };
}

/** As loadAndReport, for `validate`: the findings without the dataset, from the memo of the last run when nothing changed (load/validate-memo.ts). */
export async function loadFindingsAndReport(
  io: Io,
  options: ProjectOptions,
  read: ReadOptions = {},
): Promise<ValidateResult & { lang: Lang; exitCode: number; sample: boolean }> {
  // The official series are read on every run (a few small files), so the memo of the records never hides their findings.
  const result = await findAndReport(io, options, read, async (load) => {
    const [found, official] = await Promise.all([loadFindings(load), readOfficialSeries(load.root)]);
    if (official.findings.length === 0) return found;
    return { ...found, ok: found.ok && !hasErrors(official.findings), findings: sortFindings([...found.findings, ...official.findings]) };
  });
  return { ...result, exitCode: result.ok ? EXIT.ok : EXIT.invalidData };
}

/**
 * The project to read: the bundled sample with --sample; else --data or the nearest folder with
 * borgermode.yaml; else the sample with a notice (printed even with --quiet), unless `CI` is set or
 * the command publishes: then a usage error naming --data and --sample, before anything is written.
 */
async function locateProject(io: Io, options: ProjectOptions, read: ReadOptions): Promise<ProjectLocation> {
  const lang = options.lang ?? 'da';
  if (options.sample) {
    if (options.data !== undefined) throw usageError(cliText(lang, 'sample_and_data'));
    return bundledProject();
  }
  const found = await findProject({ data: options.data, cwd: io.cwd });
  if (found) return found;
  // A wrong path in a CI job must fail, not publish the sample's made-up figures.
  if (read.publishes) throw usageError(cliText(lang, 'no_project_build'));
  if (io.env.CI) throw usageError(cliText(lang, 'no_project_ci'));
  printMessage({ ...io, stderr: read.notices ?? io.stderr }, cliText(lang, 'bundled'));
  return bundledProject();
}

/**
 * The cache of a project and the key that seals it: the user's own, outside every project (made on
 * first use), so that an entry or a memo committed into a project is a miss. The bundled sample's
 * cache was made with the installation, and its key lies beside it. No key, no cache.
 */
async function cacheOptions(io: Io, location: ProjectLocation): Promise<Pick<LoadOptions, 'cacheDir' | 'cacheReadOnly' | 'cacheKey'>> {
  const cacheKey = location.bundled
    ? await loadCacheKey(join(bundledSampleCacheDir(), CACHE_KEY_FILE), { create: false, own: false })
    : await loadCacheKey(userCacheKeyFile(io.env), { create: true });
  if (cacheKey === undefined) return {};
  return location.bundled
    ? { cacheDir: bundledSampleCacheDir(), cacheReadOnly: true, cacheKey }
    : { cacheDir: join(location.root, CACHE_DIR), cacheKey };
}

/** The cache a record edit of the project at `root` is checked with: the project's own, unless --no-cache or BORGERMODE_NO_CACHE. */
export async function editCache(io: Io, options: ProjectOptions, root: string): Promise<CheckCache> {
  if (options.cache === false || io.env.BORGERMODE_NO_CACHE) return {};
  const { cacheDir, cacheKey } = await cacheOptions(io, { root, bundled: false });
  return cacheDir === undefined || cacheKey === undefined ? {} : { cacheDir, cacheKey };
}

async function findAndReport<R extends { findings: Finding[]; language: Lang | undefined }>(
  io: Io,
  options: ProjectOptions,
  read: ReadOptions,
  load: (options: LoadOptions) => Promise<R>,
): Promise<R & { lang: Lang; sample: boolean; today: string }> {
  const location = await locateProject(io, options, read);
  // The sample is a snapshot of April 2020: judged against that day, not against today.
  const now =
    location.bundled && !io.env.BORGERMODE_TODAY ? new Date(`${BUNDLED_SAMPLE_TODAY}T12:00:00Z`) : clock(io, options.lang ?? 'da');
  // The cache lives in the project; the bundled sample's was made with the installation and is only read.
  const cached = options.cache !== false && !io.env.BORGERMODE_NO_CACHE;
  const cache = !cached ? {} : await cacheOptions(io, location);
  const result = await load({ root: location.root, now, ...cache });
  const lang = options.lang ?? result.language ?? 'da';
  printFindings(io, result.findings, { color: useColor(io, options.color), quiet: options.quiet ?? false, lang, root: location.root });
  if (read.printSummary && result.findings.length > 0 && !options.quiet) printMessage(io, countSummary(result.findings, lang));
  return { ...result, lang, sample: location.bundled, today: todayIso(now) };
}
