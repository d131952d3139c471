import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CACHE_DIR } from '../../src/load/cache.js';
import { CACHE_KEY_FILE } from '../../src/load/cache-key.js';
import { MEMO_FILE } from '../../src/load/validate-memo.js';
import { sealed } from '../helpers/cache-seal.js';
import { type Env, runBin, runCli } from '../helpers/run-cli.js';
import { ROOT, tempDir } from '../helpers/temp-project.js';

// A cache that cannot be used to smuggle (issue 15 item 2): someone who can write the project
// folder (a `.borgermode/cache/` committed into the repository that CI then builds) but not the
// user's own files cannot write an entry or a memo that is believed. Entries and the memo are
// sealed with an HMAC whose key is the user's (src/load/cache-key.ts), outside the project; a
// forged one is a miss, never a crash, and the output is what the YAML says.

const FIXTURES = join(ROOT, 'test', 'fixtures');
const sha256 = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');
const entryPath = (project: string, file: string) => join(project, CACHE_DIR, `${sha256(file).slice(0, 32)}.json`);

/** A scratch project (a copy of a fixture) and a cache home of its own, so the key is this test's. */
function setUp(fixture: string): { project: string; env: Env } {
  const dir = tempDir();
  const project = join(dir, 'project');
  cpSync(join(FIXTURES, fixture), project, { recursive: true });
  return { project, env: { BORGERMODE_NO_CACHE: undefined, XDG_CACHE_HOME: join(dir, 'cache-home') } };
}

/**
 * Replaces the entry of `file` with one whose records `change` made, its header right in every
 * way an attacker can see (format, build, file, the sha-256 of the bytes), sealed as `how` says:
 * with a key of the attacker's own, or with the plain checksum entries had before they were sealed
 * (or, to show what the seal stops, with the user's key itself).
 */
function forgeEntry(
  project: string,
  file: string,
  how: 'other key' | 'checksum' | Uint8Array,
  change: (body: { records: Record<string, Record<string, unknown>[]>; findings: unknown[]; personalData: unknown[] }) => void,
): void {
  const [headerLine, bodyLine] = readFileSync(entryPath(project, file), 'utf8').split('\n') as [string, string];
  const body = JSON.parse(bodyLine) as Parameters<typeof change>[0];
  change(body);
  const text = JSON.stringify(body);
  const forged =
    how === 'checksum'
      ? `${JSON.stringify({ ...JSON.parse(headerLine), seal: undefined, body: sha256(text) })}\n${text}`
      : sealed(headerLine, text, { key: how === 'other key' ? randomBytes(32) : how });
  writeFileSync(entryPath(project, file), forged);
}

/** The key of a test's own cache home. */
const keyOf = (env: Env) => Buffer.from(readFileSync(join(env.XDG_CACHE_HOME!, 'borgermode', CACHE_KEY_FILE), 'ascii').trim(), 'hex');

const report = (project: string, env: Env, ...more: string[]) =>
  runCli(['report', '--data', project, '--quarter', '2020-Q1', '--format', 'json', ...more], { env });

describe('a forged cache entry is a miss', () => {
  it.each(['other key', 'checksum'] as const)(
    'one planted with personal data (%s) is not published: the output is what the YAML says',
    async (how) => {
      const { project, env } = setUp('valid');
      const plain = await report(project, env, '--no-cache');
      expect((await report(project, env)).exitCode).toBe(0);
      forgeEntry(project, 'incidents.yaml', how, (body) => {
        body.records.incidents![0]!.summary = 'Anmelder 010190-1234, ring 22334455';
        body.personalData = [];
      });
      const warm = await report(project, env);
      expect(warm).toEqual(plain);
      expect(warm.stdout).not.toMatch(/010190|22334455/);
      // And the entry is written anew, sealed with the user's key.
      expect(readFileSync(entryPath(project, 'incidents.yaml'), 'utf8')).not.toContain('010190');
      // What the seal stops: the same entry sealed with the user's key is believed, and published.
      forgeEntry(project, 'incidents.yaml', keyOf(env), (body) => {
        body.records.incidents![0]!.summary = 'Anmelder 010190-1234, ring 22334455';
        body.personalData = [];
      });
      expect((await report(project, env)).stdout).toContain('010190-1234');
    },
  );

  it('one planted with an invalid count passes nothing and crashes nothing: validate and report are as without a cache', async () => {
    const { project, env } = setUp('valid');
    const validate = () => runCli(['validate', '--data', project], { env });
    const plainValidate = await runCli(['validate', '--data', project, '--no-cache'], { env });
    const plainReport = await report(project, env, '--no-cache');
    expect((await validate()).exitCode).toBe(0);
    for (const count of [-3, 1e308, 0.5]) {
      rmMemo(project);
      forgeEntry(project, 'incidents.yaml', 'other key', (body) => {
        body.records.incidents![0]!.count = count;
      });
      expect(await validate(), String(count)).toEqual(plainValidate);
      expect(await report(project, env), String(count)).toEqual(plainReport);
    }
  });

  it('the real bin, as CI runs it on a checkout with a committed cache: the planted text is not published', async () => {
    const { project, env } = setUp('valid');
    expect((await runBin(['validate', '--data', project], { env })).exitCode).toBe(0);
    forgeEntry(project, 'incidents.yaml', 'other key', (body) => {
      body.records.incidents![0]!.summary = 'Anmelder 010190-1234';
    });
    // CI: a fresh machine, so a new key in a new cache home.
    const ci = { ...env, XDG_CACHE_HOME: join(tempDir(), 'ci-cache-home'), CI: 'true' };
    const result = await runBin(['report', '--data', project, '--quarter', '2020-Q1', '--format', 'json'], { env: ci });
    expect(result.exitCode, result.stderr).toBe(0);
    expect(result.stdout).not.toContain('010190');
    expect(result.stderr).not.toMatch(/\bat \S+:\d+:\d+|Error/);
  });
});

function rmMemo(project: string): void {
  const memo = join(project, CACHE_DIR, MEMO_FILE);
  if (existsSync(memo)) writeFileSync(memo, '');
}

describe('a forged memo is a miss', () => {
  it.each(['other key', 'checksum'] as const)('one that says a project with errors is fine (%s) cannot make validate pass', async (how) => {
    const { project, env } = setUp('many-problems');
    const plain = await runCli(['validate', '--data', project, '--no-cache'], { env });
    expect(plain.exitCode).toBe(1);
    expect((await runCli(['validate', '--data', project], { env })).exitCode).toBe(1);
    const memo = join(project, CACHE_DIR, MEMO_FILE);
    const text = readFileSync(memo, 'utf8');
    const newline = text.indexOf('\n');
    const body = JSON.parse(text.slice(newline + 1)) as { result: unknown };
    body.result = { ok: true, findings: [], language: 'da' };
    const json = JSON.stringify(body);
    writeFileSync(
      memo,
      how === 'other key'
        ? sealed(text.slice(0, newline), json, { memo: true, key: randomBytes(32) })
        : `${JSON.stringify({ ...JSON.parse(text.slice(0, newline)), seal: undefined, body: sha256(json) })}\n${json}`,
    );
    expect(await runCli(['validate', '--data', project], { env })).toEqual(plain);
    // What the seal stops: the same memo sealed with the user's key is believed.
    writeFileSync(memo, sealed(text.slice(0, newline), json, { memo: true, key: keyOf(env) }));
    expect((await runCli(['validate', '--data', project], { env })).exitCode).toBe(0);
  });
});

describe('the key', () => {
  it("is the user's own, outside the project: made on first use, 0600 in a 0700 folder, and never in the project", async () => {
    const { project, env } = setUp('valid');
    expect((await runCli(['validate', '--data', project], { env })).exitCode).toBe(0);
    const keyFile = join(env.XDG_CACHE_HOME!, 'borgermode', CACHE_KEY_FILE);
    expect(readFileSync(keyFile, 'ascii')).toMatch(/^[0-9a-f]{64}\n$/);
    if (process.platform !== 'win32') {
      expect(statSync(keyFile).mode & 0o777).toBe(0o600);
      expect(statSync(join(env.XDG_CACHE_HOME!, 'borgermode')).mode & 0o777).toBe(0o700);
    }
    expect(
      readdirSync(join(project, CACHE_DIR)).filter(
        (name) => !/^(?:[0-9a-f]{32}\.json|validate\.memo|\.gitignore|CACHEDIR\.TAG)$/.test(name),
      ),
    ).toEqual([]);
    // Kept: the next run uses the same key, and hits.
    const before = readFileSync(keyFile, 'ascii');
    expect((await runCli(['validate', '--data', project], { env })).exitCode).toBe(0);
    expect(readFileSync(keyFile, 'ascii')).toBe(before);
  });

  it.runIf(process.platform !== 'win32')('that others may read or write is no key: the command runs without a cache', async () => {
    const { project, env } = setUp('valid');
    const keyFile = join(env.XDG_CACHE_HOME!, 'borgermode', CACHE_KEY_FILE);
    mkdirSync(join(env.XDG_CACHE_HOME!, 'borgermode'), { recursive: true });
    writeFileSync(keyFile, `${'ab'.repeat(32)}\n`, { mode: 0o644 });
    chmodSync(keyFile, 0o644);
    const result = await runCli(['validate', '--data', project], { env });
    expect(result.exitCode).toBe(0);
    expect(existsSync(join(project, CACHE_DIR))).toBe(false);
  });

  it('that cannot be made (the cache home is a file) means no cache, never an error', async () => {
    const { project, env } = setUp('valid');
    writeFileSync(env.XDG_CACHE_HOME!, 'not a folder');
    const plain = await runCli(['validate', '--data', project, '--no-cache'], { env });
    expect(await runCli(['validate', '--data', project], { env })).toEqual(plain);
    expect(existsSync(join(project, CACHE_DIR))).toBe(false);
  });
});
