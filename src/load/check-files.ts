import { existsSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Worker } from 'node:worker_threads';
import { type CheckedFile, checkRecordFile } from './check-file.js';
import type { CheckReply, CheckRequest } from './check-worker.js';

// Reading and checking record files is most of the work on a big project, and each file is
// checked on its own, so a big project is checked on worker threads, one per core (up to four),
// while this thread reads the next files and takes the results in. A smaller one is checked here:
// starting workers and passing results back costs more than it saves. Measured on two cores
// (validate, first run): at 12 MB of records (100,000 incidents) workers were 8% faster on an idle
// machine and 25% slower on a busy one; at 29 MB, 25% faster idle and even busy; from 59 MB faster
// either way. The results are the same
// either way (a checked file is JSON through the worker, as in the cache); test/load/check-files
// runs the real bin on a project big enough for workers and compares with a run without.

/** From this many bytes of record files to check, workers take the checking. */
export const PARALLEL_BYTES = 16 * 1024 * 1024;
const MAX_WORKERS = 4;

/** Where the bundle has the worker (dist/load/check-worker.js, an entry of scripts/bundle.mjs); run from the sources, there is none. */
const WORKER = new URL('../load/check-worker.js', import.meta.url);

export interface Checked {
  checked: CheckedFile;
  /** Its JSON (serializeChecked), when a worker made it. */
  body?: string;
}

export interface FileChecker {
  /** True when files are checked on workers: check() may be called for many files before their results are awaited. */
  parallel: boolean;
  check(file: string, bytes: Uint8Array): Promise<Checked>;
  close(): Promise<void>;
}

const here: FileChecker = {
  parallel: false,
  check: async (file, bytes) => ({ checked: await checkRecordFile(file, bytes) }),
  close: async () => undefined,
};

/** When to check on workers, and with which script (tests pass the bundle's while running from the sources). */
export interface ParallelOptions {
  /** The worker's module. */
  worker: URL;
  /** The least size of all record files together for workers to be used. */
  minBytes: number;
}

const DEFAULT_PARALLEL: ParallelOptions = { worker: WORKER, minBytes: PARALLEL_BYTES };

/** A checker for the record `files` of the project at `root`: on workers when there is enough to check and somewhere to run them. */
export async function openFileChecker(
  root: string,
  files: readonly string[],
  { worker, minBytes }: ParallelOptions = DEFAULT_PARALLEL,
): Promise<FileChecker> {
  const cores = availableParallelism();
  if (cores < 2 || files.length < 2 || !existsSync(fileURLToPath(worker))) return here;
  let bytes = 0;
  for (const file of files) {
    try {
      bytes += statSync(join(root, file)).size;
    } catch {
      // Not there or not readable: reading it says so later.
    }
  }
  if (bytes < minBytes) return here;
  // Loaded only here: a small project never pays for node:worker_threads at start-up.
  const { Worker } = await import('node:worker_threads');
  return workerChecker(Worker, worker, Math.min(cores, MAX_WORKERS, Math.max(2, Math.ceil(bytes / PARALLEL_BYTES))));
}

interface Job {
  file: string;
  bytes: Uint8Array;
  resolve: (checked: Checked) => void;
  reject: (error: unknown) => void;
}

/** Jobs sent to a worker before its last answer came, so it never waits for this thread. */
const IN_FLIGHT = 2;

function workerChecker(WorkerThread: typeof Worker, script: URL, count: number): FileChecker {
  const queue: Job[] = [];
  // Each worker answers its jobs in the order it was sent them.
  const sent = new Map<Worker, Job[]>();
  // A job a worker could not do (it failed, or died) is done here instead.
  const fallBack = (job: Job) => here.check(job.file, job.bytes).then(job.resolve, job.reject);
  const dispatch = () => {
    for (const [worker, jobs] of sent) {
      while (jobs.length < IN_FLIGHT && queue.length > 0) {
        const job = queue.shift()!;
        jobs.push(job);
        worker.postMessage({ file: job.file, bytes: job.bytes } satisfies CheckRequest);
      }
    }
  };
  const workers = Array.from({ length: count }, () => {
    const worker = new WorkerThread(script);
    sent.set(worker, []);
    worker.on('message', (reply: CheckReply) => {
      const job = sent.get(worker)!.shift()!;
      dispatch();
      if ('body' in reply) job.resolve({ checked: JSON.parse(reply.body) as CheckedFile, body: reply.body });
      else if ('checked' in reply) job.resolve({ checked: reply.checked as CheckedFile });
      else void fallBack(job);
    });
    worker.on('error', () => undefined);
    worker.on('exit', () => {
      const jobs = sent.get(worker) ?? [];
      sent.delete(worker);
      for (const job of jobs) void fallBack(job);
      // No worker left: what is waiting is done here.
      if (sent.size === 0) for (const job of queue.splice(0)) void fallBack(job);
    });
    return worker;
  });
  return {
    parallel: true,
    check: (file, bytes) =>
      new Promise<Checked>((resolve, reject) => {
        const job = { file, bytes, resolve, reject };
        if (sent.size === 0) return void fallBack(job);
        queue.push(job);
        dispatch();
      }),
    close: async () => {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
