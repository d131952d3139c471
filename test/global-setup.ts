import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bin runs the bundle in dist/, so tests that run the real bin need a build no older than
// its inputs (the sources, the templates that are precompiled into it, the build script).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_ENTRY = join(ROOT, 'dist', 'cli', 'borgermode.cjs.cache');
const BUILD_INPUTS = ['src', 'templates', 'data', 'bin', 'scripts/bundle.mjs', 'scripts/make-code-cache.cjs', 'package.json'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** Runs `npm run bundle` (scripts/bundle.mjs) when dist/ is missing or older than any input. */
export default function setup(): () => void {
  const sourceTime = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (!existsSync(BUILT_ENTRY) || statSync(BUILT_ENTRY).mtimeMs < sourceTime) {
    execFileSync(process.execPath, [join(ROOT, 'scripts', 'bundle.mjs')], { cwd: ROOT, stdio: 'inherit' });
  }
  return checkNoCacheLeft;
}

// The tests run without the cache of checked files (helpers/run-cli.ts TEST_ENV): one that runs a
// command in the repository's own folders with the cache on would leave it in a fixture.
const PROJECT_FOLDERS = ['data', 'test/fixtures', 'test/fixtures-edit'];

function checkNoCacheLeft(): void {
  const found: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (!entry.isDirectory()) continue;
      if (entry.name === '.borgermode' && existsSync(join(dir, entry.name, 'cache'))) found.push(join(dir, entry.name, 'cache'));
      else visit(join(dir, entry.name));
    }
  };
  for (const folder of PROJECT_FOLDERS) if (existsSync(join(ROOT, folder))) visit(join(ROOT, folder));
  for (const path of found) {
    rmSync(path, { recursive: true, force: true });
    if (readdirSync(dirname(path)).length === 0) rmSync(dirname(path), { recursive: true });
  }
  if (found.length > 0) {
    // Vitest reports an error thrown here but does not fail the run for it.
    process.exitCode = 1;
    throw new Error(`a test left the cache of checked files in the repository (removed now): ${found.join(', ')}`);
  }
}
