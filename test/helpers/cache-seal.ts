import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE_KEY_FILE } from '../../src/load/cache-key.js';
import { entryScope, sealWith } from '../../src/load/cache.js';
import { MEMO_SCOPE } from '../../src/load/validate-memo.js';
import { TEST_ENV } from './run-cli.js';

// Entries and memos made by a test, sealed as the tool seals them (src/load/cache.ts): with the key
// of the tests' own cache home (TEST_ENV.XDG_CACHE_HOME), made by the first run with the cache on.

/** The key of the tests' cache home. */
export function testCacheKey(): Buffer {
  return Buffer.from(readFileSync(join(TEST_ENV.XDG_CACHE_HOME!, 'borgermode', CACHE_KEY_FILE), 'ascii').trim(), 'hex');
}

/** An entry (`memo` false) or the memo as text, with `body` under its header, sealed with `key` (the tests' key unless given). */
export function sealed(headerLine: string, body: string, options: { memo?: boolean; key?: Uint8Array } = {}): string {
  const header = JSON.parse(headerLine) as { tool: string; file: string; source: string };
  const scope = options.memo ? MEMO_SCOPE : entryScope(header.file, header.source);
  return `${JSON.stringify({ ...header, seal: sealWith(createHmac, options.key ?? testCacheKey(), header.tool, scope, body) })}\n${body}`;
}
