import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import type { Dataset } from '../model/dataset.js';
import { quarterOf } from '../model/quarters.js';
import { type Area, RECORD_KINDS, type RecordKind } from '../model/schema.js';
import { TemplateError } from '../model/template-error.js';
import type { FlaggedTexts } from '../render/published-personal-data.js';
import { type AreaPages, type AreaPagesContext, pagesBetween, renderAreaPages } from './site-pages.js';
import type { SiteAreaJob, SiteWorkerReply, SiteWorkerSetup } from './site-worker.js';

// The areas of a site are independent, so a big site renders them on worker threads as well as
// here: each worker is sent the settings once and then, area by area, only that area's public
// records (a fraction of the project), and answers with the area's pages. Small sites are
// rendered here: a worker's start (loading the bundle) costs more than it saves.

/** From this many briefs and summaries (and two areas), areas are rendered on workers too. */
export const PARALLEL_PAGES = 200;
const MAX_WORKERS = 3;

/** Where the bundle has the worker (dist/cli/site-worker.js, an entry of scripts/bundle.mjs); run from the sources, there is none. */
const WORKER = new URL('../cli/site-worker.js', import.meta.url);

/** When to render on workers, and with which script (tests pass the bundle's while running from the sources). */
export interface SiteParallelOptions {
  worker: URL;
  /** The least number of briefs and summaries for workers to be used. */
  minPages: number;
}

/** What a worker needs to render pages as this thread does. */
export interface SiteRenderSetup {
  /** What the worker sets up from: where the templates are, and the data besides the records. */
  worker: Omit<SiteWorkerSetup, 'data' | 'flagged'>;
  flagged: readonly FlaggedTexts[];
}

/** The pages of every area, in the order of `areas`. */
export interface AreaRenderer {
  /** The briefs and summaries to render, for progress. */
  total: number;
  render(areas: readonly Area[]): Promise<RenderedAreas>;
}

export interface RenderedAreas {
  areas: AreaPages[];
  /** The threads that rendered pages: this one, and each worker that answered with an area's pages. */
  threads: number;
}

/** Renders here or also on workers, by the size of the site; `context.progress` counts pages from both. */
export async function openAreaRenderer(
  context: AreaPagesContext,
  setup: SiteRenderSetup,
  { worker, minPages }: SiteParallelOptions = { worker: WORKER, minPages: PARALLEL_PAGES },
): Promise<AreaRenderer> {
  const { dataset, data } = context.source;
  const cores = availableParallelism();
  const byArea = splitByArea(data);
  const total = dataset.areas.reduce((n, area) => n + (byArea.get(area.id)?.pages ?? 0), 0);
  const here: AreaRenderer = {
    total,
    render: async (areas) => ({ areas: await renderInOrder(areas, (area) => renderAreaPages(context, area)), threads: 1 }),
  };
  if (cores < 2 || dataset.areas.length < 2 || total < minPages || !existsSync(fileURLToPath(worker))) return here;
  // Loaded only here: a small site never pays for node:worker_threads.
  const { Worker } = await import('node:worker_threads');
  const count = Math.max(1, Math.min(cores - 1, MAX_WORKERS, dataset.areas.length - 1));
  const shell: SiteWorkerSetup['data'] = {
    root: data.root,
    settings: data.settings,
    areas: data.areas,
    categories: data.categories,
    ...(data.grouping ? { grouping: data.grouping } : {}),
  };
  const workerSetup: SiteWorkerSetup = { ...setup.worker, data: shell, flagged: [...setup.flagged] };
  return {
    total,
    render: (areas) =>
      renderOnWorkers(Worker, worker, count, workerSetup, context, areas, (area) => byArea.get(area)?.records ?? emptyRecords()),
  };
}

type AreaRecords = Pick<Dataset, RecordKind>;

const emptyRecords = () => Object.fromEntries(RECORD_KINDS.map((kind) => [kind, []])) as unknown as AreaRecords;

/**
 * Each area's records of every kind (in project order, so its index is the one made from the whole
 * project) and its count of briefs and summaries: from the quarters of its first and latest
 * incident or done activity (area-index.ts first, last).
 */
function splitByArea(data: Dataset): Map<string, { records: AreaRecords; pages: number }> {
  const records = new Map<string, AreaRecords>();
  const span = new Map<string, { first: string; last: string }>();
  const consider = (area: string, date: string) => {
    const known = span.get(area);
    if (!known) span.set(area, { first: date, last: date });
    else if (date < known.first) known.first = date;
    else if (date > known.last) known.last = date;
  };
  for (const kind of RECORD_KINDS) {
    for (const record of data[kind] as { area: string }[]) {
      let own = records.get(record.area);
      if (!own) records.set(record.area, (own = emptyRecords()));
      (own[kind] as object[]).push(record);
    }
  }
  for (const incident of data.incidents) consider(incident.area, incident.date);
  for (const activity of data.activities) if (activity.status === 'done') consider(activity.area, activity.date);
  return new Map(
    [...records].map(([area, own]) => {
      const known = span.get(area);
      return [area, { records: own, pages: known ? pagesBetween(quarterOf(known.first), quarterOf(known.last)) : 0 }];
    }),
  );
}

/** Renders every area here, one after the other. */
async function renderInOrder(areas: readonly Area[], render: (area: Area) => Promise<AreaPages>): Promise<AreaPages[]> {
  const results: AreaPages[] = [];
  for (const area of areas) results.push(await render(area));
  return results;
}

interface Job {
  index: number;
  area: Area;
}

/** Jobs sent to a worker before its last answer came, so it never waits for this thread. */
const IN_FLIGHT = 2;

/**
 * Renders every area on the workers and here, keeping the order; when some fail, the error of
 * the first that failed is thrown (the one a build area by area stops at).
 */
async function renderOnWorkers(
  WorkerThread: typeof Worker,
  script: URL,
  count: number,
  setup: SiteWorkerSetup,
  context: AreaPagesContext,
  areas: readonly Area[],
  recordsOf: (area: string) => AreaRecords,
): Promise<RenderedAreas> {
  const results = new Array<AreaPages | undefined>(areas.length);
  const answered = new Set<Worker>();
  const failures = new Map<number, unknown>();
  const queue: Job[] = areas.map((area, index) => ({ index, area }));
  const sent = new Map<Worker, Job[]>();
  let settle: () => void = () => undefined;
  const allDone = new Promise<void>((resolve) => (settle = resolve));
  let pending = areas.length;
  const finish = (job: Job, outcome: { pages: AreaPages } | { error: unknown }) => {
    if ('pages' in outcome) results[job.index] = outcome.pages;
    else failures.set(job.index, outcome.error);
    if (--pending === 0) settle();
  };
  // An area rendered here: from the queue while this thread is free, or when its worker failed.
  const renderHere = async (job: Job) => {
    try {
      finish(job, { pages: await renderAreaPages(context, job.area) });
    } catch (error) {
      finish(job, { error });
    }
  };
  const dispatch = () => {
    for (const [worker, jobs] of sent) {
      while (jobs.length < IN_FLIGHT && queue.length > 0) {
        const job = queue.shift()!;
        jobs.push(job);
        worker.postMessage({ area: job.area.id, records: recordsOf(job.area.id) } satisfies SiteAreaJob);
      }
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new WorkerThread(script, { workerData: setup });
    sent.set(worker, []);
    worker.on('message', (reply: SiteWorkerReply) => {
      if ('progress' in reply) return context.progress();
      const job = sent.get(worker)!.shift()!;
      dispatch();
      if ('pages' in reply) {
        answered.add(worker);
        finish(job, { pages: reply.pages });
      } else if ('templateError' in reply) finish(job, { error: new TemplateError(reply.templateError) });
      else void renderHere(job);
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const jobs = sent.get(worker) ?? [];
      sent.delete(worker);
      for (const job of jobs) void renderHere(job);
    });
    return worker;
  });
  try {
    dispatch();
    // This thread renders too, an area at a time, letting the workers' answers in between.
    while (queue.length > 0) {
      await renderHere(queue.shift()!);
      await new Promise<void>((resolve) => setImmediate(resolve));
      dispatch();
    }
    if (pending > 0) await allDone;
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  const first = [...failures.keys()].sort((a, b) => a - b)[0];
  if (first !== undefined) throw failures.get(first);
  return { areas: results as AreaPages[], threads: 1 + answered.size };
}
