import type { createHash as CreateHash } from 'node:crypto';
import { isAscii } from 'node:buffer';
import { readdirSync, readFileSync } from 'node:fs';
import { mkdir, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { packageRoot, packageVersion } from '../package-root.js';
import type { CheckedFile } from './check-file.js';

// The cache of checked files (docs/performance.md#the-cache): per record file, what
// check-file.ts found in it, kept as JSON so that an unchanged rerun costs about a JSON.parse
// instead of a YAML parse and the field checks. Cross-record rules always run again, on the
// cached records. An entry counts only when its header names the same format, the same build of
// borgermode, the same file and the sha-256 of the same bytes, and carries the seal of all that and
// its body: an HMAC with the user's key (cache-key.ts), so only a run that holds the key can have
// written it; anything else is read as a miss and written anew. Nothing here ever fails a
// command: a cache that cannot be read or written is no cache. The same folder holds the memo of
// validate's whole result (validate-memo.ts).

/** The project's cache folder, relative to the project root. */
export const CACHE_DIR = '.borgermode/cache';

/** Bump when the meaning of an entry or of the memo changes without a change of the code's fingerprint. */
export const CACHE_FORMAT = 3;

/** The name of a file's entry: a hash of its path (so only entries are tidied away, never the memo). */
const ENTRY_NAME = /^[0-9a-f]{32}\.json$/;

// Set by scripts/bundle.mjs to a hash of the sources and the locked dependencies it bundles.
declare const __BORGERMODE_BUILD__: string | undefined;

export interface RecordCache {
  /** The build of borgermode the entries belong to (its version and a hash of its sources). */
  tool: string;
  /** The key of a record file's bytes: their sha-256. */
  sourceHash: (bytes: Uint8Array | string) => string;
  /** The seal of `body` for `scope` (what it is for): an HMAC-SHA256 with the cache's key, of the format, the build, the scope and the body. */
  seal(scope: string, body: Uint8Array | string): string;
  /** The checked file, when the cache holds it for the bytes whose sourceHash is `source`. */
  get(file: string, source: string): Promise<CheckedFile | undefined>;
  /** Keeps a checked file (written in the background; close() waits for it); `body` is its serializeChecked, when made already. */
  put(file: string, source: string, checked: CheckedFile, body?: string): void;
  /** Waits for the writes and removes the entries of files that are gone. */
  close(files: readonly string[]): Promise<void>;
}

interface Header {
  format: number;
  tool: string;
  file: string;
  source: string;
  /** The seal of the body for this file and these bytes (entryScope). */
  seal: string;
}

/** What an entry's seal is for: its file and the sha-256 of its bytes, so that no entry stands for another file or other bytes. */
export const entryScope = (file: string, source: string) => `entry\u0000${file}\u0000${source}`;

/** The key of a file's bytes in the cache and in a reading (their sha-256, hex), with node:crypto loaded only when first asked for. */
export async function loadSourceHash(): Promise<(data: Uint8Array | string) => string> {
  const { createHash } = await import('node:crypto');
  return (data) => createHash('sha256').update(data).digest('hex');
}

/**
 * Opens the cache in `dir` (made on first write), sealed with `key` (cache-key.ts). A read-only
 * cache is only read: the bundled sample's, made by scripts/bundle.mjs into the installation with
 * the key beside it, which is not the run's to change.
 */
export async function openRecordCache(
  dir: string,
  { readOnly = false, key }: { readOnly?: boolean; key: Uint8Array },
): Promise<RecordCache> {
  // Loaded here, not at start-up: --no-cache never needs it.
  const { createHash, createHmac } = await import('node:crypto');
  const sha256 = await loadSourceHash();
  const entryName = (file: string) => `${sha256(file).slice(0, 32)}.json`;
  const tool = toolFingerprint(createHash);
  const seal = (scope: string, body: Uint8Array | string) => sealWith(createHmac, key, tool, scope, body);
  let writable = !readOnly;
  let prepared: Promise<typeof import('write-file-atomic') | undefined> | undefined;
  const writes: Promise<unknown>[] = [];
  const prepare = () => (prepared ??= prepareCacheFolder(dir));

  return {
    tool,
    sourceHash: sha256,
    seal,
    async get(file, source) {
      let data: Buffer;
      try {
        data = readFileSync(join(dir, entryName(file)));
      } catch {
        return undefined;
      }
      return readEntry(data, { tool, file, source }, seal);
    },
    put(file, source, checked, made) {
      if (!writable) return;
      const body = made ?? serializeChecked(checked);
      if (body === undefined) return;
      const header: Header = { format: CACHE_FORMAT, tool, file, source, seal: seal(entryScope(file, source), body) };
      writes.push(
        prepare()
          // No fsync: a torn entry fails its seal and is read as a miss.
          .then((writeFileAtomic) => writeFileAtomic?.(join(dir, entryName(file)), `${JSON.stringify(header)}\n${body}`, { fsync: false }))
          .catch(() => {
            writable = false;
          }),
      );
    },
    async close(files) {
      await Promise.all(writes);
      if (!writable) return;
      const keep = new Set(files.map(entryName));
      try {
        for (const name of readdirSync(dir))
          if (ENTRY_NAME.test(name) && !keep.has(name)) await unlink(join(dir, name)).catch(() => undefined);
      } catch {
        // Nothing to tidy.
      }
    },
  };
}

/**
 * Makes the folder, with a .gitignore that keeps it out of git and a CACHEDIR.TAG for backup
 * tools, and loads the writer (only a run that writes entries or the memo needs it). Undefined: no writing.
 */
export async function prepareCacheFolder(dir: string): Promise<typeof import('write-file-atomic') | undefined> {
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, '.gitignore'), '# Made by borgermode: a cache, safe to delete.\n*\n', { flag: 'wx' }).catch(ignoreExists);
    await writeFile(
      join(dir, 'CACHEDIR.TAG'),
      'Signature: 8a477f597d28d172789f06886806bc55\n# This folder is a cache made by borgermode (https://bford.info/cachedir/).\n',
      { flag: 'wx' },
    ).catch(ignoreExists);
    return (await import('write-file-atomic')).default;
  } catch {
    return undefined;
  }
}

function ignoreExists(error: NodeJS.ErrnoException): void {
  if (error.code !== 'EEXIST') throw error;
}

/** A checked file as JSON (an entry's body); undefined when JSON would not give back exactly the same values. */
export function serializeChecked(checked: CheckedFile): string | undefined {
  return exactJson(checked);
}

/**
 * A value as JSON, every character past ASCII written as a `\u` escape; undefined when JSON would
 * not give back exactly the same numbers. ASCII bytes are read back as one-byte text (bodyText),
 * which JSON.parse reads faster: ~20 % of reading the entries of a big project.
 */
export function exactJson(value: unknown): string | undefined {
  return hasInexactNumber(value)
    ? undefined
    : JSON.stringify(value).replace(/[\u0080-\uffff]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** The text of an entry's or the memo's body: ASCII (as exactJson writes it) as one-byte text, anything else as UTF-8. */
export function bodyText(bytes: Buffer): string {
  return isAscii(bytes) ? bytes.toString('latin1') : bytes.toString('utf8');
}

/** NaN, ±Infinity and -0 do not survive JSON (and .nan, .inf and -0 are valid YAML numbers). */
function hasInexactNumber(value: unknown): boolean {
  if (typeof value === 'number') return !Number.isFinite(value) || Object.is(value, -0);
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (hasInexactNumber(item)) return true;
    return false;
  }
  for (const key in value) if (hasInexactNumber((value as Record<string, unknown>)[key])) return true;
  return false;
}

/**
 * The seal of `body` for `scope`: HMAC-SHA256 with `key` of the format, the build and the scope,
 * each ended by a NUL, and the body (exported for the tests, which seal entries of their own).
 */
export function sealWith(
  createHmac: typeof import('node:crypto').createHmac,
  key: Uint8Array,
  tool: string,
  scope: string,
  body: Uint8Array | string,
): string {
  return createHmac('sha256', key)
    .update(`borgermode-cache\u0000${CACHE_FORMAT}\u0000${tool}\u0000${scope}\u0000`)
    .update(body)
    .digest('hex');
}

/** The checked file of an entry, when its header matches and its seal is right. */
function readEntry(
  data: Buffer,
  expected: { tool: string; file: string; source: string },
  seal: (scope: string, body: Uint8Array) => string,
): CheckedFile | undefined {
  try {
    const newline = data.indexOf(10);
    if (newline < 0) return undefined;
    const header = JSON.parse(data.toString('utf8', 0, newline)) as Partial<Header>;
    if (
      header.format !== CACHE_FORMAT ||
      header.tool !== expected.tool ||
      header.file !== expected.file ||
      header.source !== expected.source
    )
      return undefined;
    const body = data.subarray(newline + 1);
    if (typeof header.seal !== 'string' || header.seal !== seal(entryScope(expected.file, expected.source), body)) return undefined;
    const checked = JSON.parse(bodyText(body)) as CheckedFile;
    const shapeOk =
      typeof checked?.readable === 'boolean' &&
      Array.isArray(checked.findings) &&
      Array.isArray(checked.ids) &&
      Array.isArray(checked.personalData) &&
      Array.isArray(checked.readability) &&
      typeof checked.records === 'object' &&
      checked.records !== null;
    return shapeOk ? checked : undefined;
  } catch {
    return undefined;
  }
}

let fingerprint: string | undefined;

/** What the checks of this borgermode depend on: its version and build (or, from the sources, their hash). */
function toolFingerprint(createHash: typeof CreateHash): string {
  if (fingerprint !== undefined) return fingerprint;
  const build = typeof __BORGERMODE_BUILD__ === 'string' ? __BORGERMODE_BUILD__ : sourceFingerprint(createHash);
  return (fingerprint = `${packageVersion()}+${build}`);
}

/** Run from the sources (tests, development): a hash of src/ and package-lock.json, as scripts/bundle.mjs makes it. */
function sourceFingerprint(createHash: typeof CreateHash): string {
  const root = packageRoot();
  const hash = createHash('sha256');
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else hash.update(`${relative(root, path).split('\\').join('/')}\0`).update(readFileSync(path));
    }
  };
  visit(join(root, 'src'));
  try {
    hash.update(readFileSync(join(root, 'package-lock.json')));
  } catch {
    // An installed package has no lock file; its version says enough.
  }
  return hash.digest('hex').slice(0, 16);
}
