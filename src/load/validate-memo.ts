import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding } from '../model/finding.js';
import { LANGS, type Lang } from '../model/schema.js';
import { bodyText, CACHE_FORMAT, exactJson, prepareCacheFolder, type RecordCache } from './cache.js';

// The memo of validate's whole result (docs/performance.md#the-memo-of-validate): when every
// input of the last run is as it was (the same build, borgermode.yaml, day and record files,
// byte for byte), validate prints the findings it found then, located, without loading a record
// or running a rule. One file beside the cache's entries, with the same safety: a header naming
// the format and the build, and the seal of the body (an HMAC with the user's key: cache.ts seal),
// written atomically; anything else is a miss, and the run that follows writes it anew. A memo
// that the key did not seal cannot make validate pass.

/** The memo's file in the cache folder; not `*.json`, which are the entries of record files. */
export const MEMO_FILE = 'validate.memo';

/** Everything validate's findings depend on besides the build: no option of the command changes them (they only print them). */
export interface ValidateKey {
  /** The sha-256 of borgermode.yaml's bytes. */
  settings: string;
  /** The day the date rules judge against, YYYY-MM-DD. */
  today: string;
  /** Every record file (sorted paths) with the sha-256 of its bytes, as the cache's entries are keyed. */
  files: [string, string][];
}

/** What validate reports: every finding, located and sorted; whether the data is fit to use (no errors, valid settings); the project's language. */
export interface ValidateResult {
  ok: boolean;
  findings: Finding[];
  language: Lang | undefined;
}

/** The memo of the last run, for inputs whose record files are being read one by one. */
export interface ValidateMemo {
  /** Whether record file number `index` has the bytes it had then (`source` is the sha-256 of its bytes now). */
  matches(index: number, source: string): boolean;
  /** The result, when every record file matched. */
  result: ValidateResult;
}

interface Header {
  format: number;
  tool: string;
  /** The seal of the body (cache.seal(MEMO_SCOPE, body)). */
  seal: string;
}

/** What the memo's seal is for: no entry's seal fits it. */
export const MEMO_SCOPE = 'memo';

interface Body {
  key: ValidateKey;
  result: ValidateResult;
}

/**
 * The memo in `dir`, when it is intact, made by this build, and made for the same settings, day
 * and list of record files; the bytes of the files are compared as they are read (matches).
 */
export function readValidateMemo(
  cache: RecordCache,
  dir: string,
  expected: { settings: string; today: string; files: readonly string[] },
): ValidateMemo | undefined {
  try {
    const data = readFileSync(join(dir, MEMO_FILE));
    const newline = data.indexOf(10);
    if (newline < 0) return undefined;
    const header = JSON.parse(data.toString('utf8', 0, newline)) as Partial<Header>;
    if (header.format !== CACHE_FORMAT || header.tool !== cache.tool) return undefined;
    const text = data.subarray(newline + 1);
    if (typeof header.seal !== 'string' || header.seal !== cache.seal(MEMO_SCOPE, text)) return undefined;
    const { key, result } = JSON.parse(bodyText(text)) as Partial<Body>;
    if (!isKey(key) || !isResult(result) || key.settings !== expected.settings || key.today !== expected.today) return undefined;
    if (key.files.length !== expected.files.length || key.files.some(([file], index) => file !== expected.files[index])) return undefined;
    return { matches: (index, source) => key.files[index]![1] === source, result };
  } catch {
    return undefined;
  }
}

/** Keeps the result of a run for its key; never fails (a folder that cannot be written means no memo). */
export async function writeValidateMemo(cache: RecordCache, dir: string, key: ValidateKey, result: ValidateResult): Promise<void> {
  const body = exactJson({ key, result } satisfies Body);
  if (body === undefined) return;
  const header: Header = { format: CACHE_FORMAT, tool: cache.tool, seal: cache.seal(MEMO_SCOPE, body) };
  try {
    const writeFileAtomic = await prepareCacheFolder(dir);
    // No fsync: a torn memo fails its seal and is read as a miss.
    await writeFileAtomic?.(join(dir, MEMO_FILE), `${JSON.stringify(header)}\n${body}`, { fsync: false });
  } catch {
    // No memo this time.
  }
}

function isKey(key: unknown): key is ValidateKey {
  const k = key as Partial<ValidateKey> | undefined;
  return (
    typeof k?.settings === 'string' &&
    typeof k.today === 'string' &&
    Array.isArray(k.files) &&
    k.files.every((pair) => Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'string' && typeof pair[1] === 'string')
  );
}

function isResult(result: unknown): result is ValidateResult {
  const r = result as Partial<ValidateResult> | undefined;
  return (
    typeof r?.ok === 'boolean' &&
    Array.isArray(r.findings) &&
    (r.language === undefined || (LANGS as readonly unknown[]).includes(r.language))
  );
}
