import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bin runs the bundle in dist/, so tests that run the real bin need a build no older than
// its inputs (the sources, the templates that are precompiled into it, the build script).

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_ENTRY = join(ROOT, 'dist', 'cli', 'run.js');
const BUILD_INPUTS = ['src', 'templates', 'scripts/build.mjs', 'package.json'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** Runs `npm run build` (scripts/build.mjs) when dist/ is missing or older than any input. */
export default function setup(): void {
  const sourceTime = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (existsSync(BUILT_ENTRY) && statSync(BUILT_ENTRY).mtimeMs >= sourceTime) return;
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build.mjs')], { cwd: ROOT, stdio: 'inherit' });
}
