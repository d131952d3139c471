import { parentPort } from 'node:worker_threads';
import { serializeChecked } from './cache.js';
import { checkRecordFile } from './check-file.js';

// A worker thread of load/check-files.ts: checks the record files it is sent, one at a time, and
// answers with the checked file as JSON (also the body of its cache entry), or as it is when JSON
// cannot carry it exactly.

export interface CheckRequest {
  file: string;
  bytes: Uint8Array;
}

/** The answers come in the order of the requests. */
export type CheckReply = { body: string } | { checked: unknown } | { error: string };

// One request at a time: the next waits until this one is answered, so answers keep their order.
let queue = Promise.resolve();
parentPort?.on('message', (request: CheckRequest) => {
  queue = queue.then(() => answer(request));
});

async function answer({ file, bytes }: CheckRequest): Promise<void> {
  let reply: CheckReply;
  try {
    const checked = await checkRecordFile(file, bytes);
    const body = serializeChecked(checked);
    reply = body === undefined ? { checked } : { body };
  } catch (error) {
    reply = { error: String((error as Error)?.stack ?? error) };
  }
  parentPort!.postMessage(reply);
}
