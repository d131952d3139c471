import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The bin imports dist/, so tests that run the real bin need a build no older than src/.

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BUILT_ENTRY = join(ROOT, 'dist', 'cli', 'run.js');
const BUILD_INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMtime(join(path, name))), stats.mtimeMs);
}

/** Builds dist/ with tsc when it is missing or older than any source file. */
export default function setup(): void {
  const sourceTime = Math.max(...BUILD_INPUTS.map((input) => newestMtime(join(ROOT, input))));
  if (existsSync(BUILT_ENTRY) && statSync(BUILT_ENTRY).mtimeMs >= sourceTime) return;
  const tsc = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'pipe' });
  } catch (error) {
    // tsc still emits on type errors; those are `npm run typecheck`'s to report, not a reason to skip every test.
    const output = String((error as { stdout?: unknown }).stdout ?? error);
    if (!existsSync(BUILT_ENTRY)) throw new Error(`npm run build failed, so the bin cannot be tested:\n${output}`);
    console.warn(`tsc reported problems while building dist/ for the bin tests:\n${output}`);
  }
}
