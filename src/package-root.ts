import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

// The package's own folder (with templates/ and data/), found from this module upwards, so the
// same code works from src/ (tests), from dist/ (the bundle) and from an installed package.
let root: string | undefined;

/** The folder holding borgermode's package.json. */
export function packageRoot(): string {
  if (root !== undefined) return root;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'templates'))) return (root = dir);
    if (dirname(dir) === dir) throw new Error('borgermode: cannot find the package folder (package.json beside templates/)');
  }
}

/** The version in package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as { version: string }).version;
}
