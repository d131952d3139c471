import { parentPort, workerData } from 'node:worker_threads';
import type { Dataset } from '../model/dataset.js';
import type { Finding } from '../model/finding.js';
import type { Lang, RecordKind } from '../model/schema.js';
import { TemplateError } from '../model/template-error.js';
import { audienceData } from '../render/pages.js';
import { type FlaggedTexts, flaggedTextsCheck } from '../render/published-personal-data.js';
import type { Io } from './io.js';
import { type AreaPages, renderAreaPages } from './site-pages.js';
import { openTemplates } from './templates.js';

// A worker thread of cli/site-areas.ts: renders the pages of the areas it is sent, one at a time,
// from that area's public records, with the same templates as the build's own thread.

/** Sent once, as workerData: everything of the public dataset but its records, and how to find the templates. */
export interface SiteWorkerSetup {
  data: Omit<Dataset, RecordKind>;
  flagged: FlaggedTexts[];
  cwd: string;
  templates?: string;
  lang: Lang;
  generated: string;
  pdf: boolean;
  docx: boolean;
}

/** One area to render: its public records of every kind, in project order. */
export interface SiteAreaJob {
  area: string;
  records: Pick<Dataset, RecordKind>;
}

/** A page done (for progress), then the area's pages; answers come in the order of the jobs. */
export type SiteWorkerReply = { progress: true } | { pages: AreaPages } | { templateError: Finding[] } | { error: string };

const setup = workerData as SiteWorkerSetup;
// The templates' warnings were printed by the build's own thread: here they are not printed again.
const silent: Io = { stdout: { write: () => true }, stderr: { write: () => true }, cwd: setup.cwd, env: {} };
const templates = openTemplates(
  silent,
  { quiet: true, ...(setup.templates === undefined ? {} : { templates: setup.templates }) },
  { root: setup.data.root, lang: setup.lang },
);
const publishedPersonalData = flaggedTextsCheck(setup.flagged);
const progress = () => parentPort!.postMessage({ progress: true } satisfies SiteWorkerReply);

// One job at a time: the next waits until this one is answered, so answers keep their order.
let queue = Promise.resolve();
parentPort?.on('message', (job: SiteAreaJob) => {
  queue = queue.then(() => answer(job));
});

async function answer({ area, records }: SiteAreaJob): Promise<void> {
  let reply: SiteWorkerReply;
  try {
    // The records are public already (analyze/audience.ts datasetFor ran on the build's thread).
    const data: Dataset = { ...setup.data, ...records };
    const source = audienceData(data, 'public', data);
    const found = data.areas.find((a) => a.id === area)!;
    const context = {
      source,
      templates: await templates,
      lang: setup.lang,
      generated: setup.generated,
      pdf: setup.pdf,
      docx: setup.docx,
      publishedPersonalData,
      progress,
    };
    reply = { pages: await renderAreaPages(context, found) };
  } catch (error) {
    reply = error instanceof TemplateError ? { templateError: error.findings } : { error: String((error as Error)?.stack ?? error) };
  }
  parentPort!.postMessage(reply);
}
