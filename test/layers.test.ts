import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

// The arrows of docs/architecture.md, kept: each folder of src/ imports only from the folders
// below it (static and dynamic imports alike), and no command imports another command.
const SRC = join(import.meta.dirname, '../src');

/** Which folders each folder may import from (besides itself); `top` is src/package-root.ts. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  model: [],
  load: ['model', 'top'],
  analyze: ['model'],
  render: ['model', 'analyze'],
  write: ['model'],
  edit: ['model', 'load', 'write'],
  cli: ['model', 'load', 'analyze', 'render', 'write', 'edit', 'top'],
  top: [],
};

/** Known exceptions, each with its reason; the list only shrinks. */
const EXCEPTIONS: Record<string, string> = {};

interface Import {
  from: string;
  to: string;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );
}

function importsOf(file: string): Import[] {
  const text = readFileSync(file, 'utf8');
  const from = relative(SRC, file).split(sep).join('/');
  return [...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|^import\s+)'(\.{1,2}\/[^']+)'/gm)].map((match) => ({
    from,
    to: posix.normalize(posix.join(posix.dirname(from), match[1]!)).replace(/\.js$/, '.ts'),
  }));
}

const layerOf = (path: string): string => (path.includes('/') ? path.split('/')[0]! : 'top');
const ALL = sourceFiles(SRC).flatMap(importsOf);

describe('the layers of src/', () => {
  it('finds the imports it checks (a regex that matched nothing would pass everything)', () => {
    expect(ALL.length).toBeGreaterThan(300);
    expect(ALL).toContainEqual({ from: 'cli/run.ts', to: 'cli/commands/report.ts' });
    expect(Object.keys(MAY_IMPORT).sort()).toEqual(
      [...new Set(sourceFiles(SRC).map((file) => layerOf(relative(SRC, file).split(sep).join('/'))))].sort(),
    );
  });

  it('imports only downwards', () => {
    const wrong = ALL.filter(({ from, to }) => layerOf(from) !== layerOf(to) && !MAY_IMPORT[layerOf(from)]!.includes(layerOf(to)))
      .map(({ from, to }) => `${from} -> ${to}`)
      .filter((arrow) => !(arrow in EXCEPTIONS));
    expect(wrong).toEqual([]);
  });

  it('lists no exception that no longer happens', () => {
    const arrows = new Set(ALL.map(({ from, to }) => `${from} -> ${to}`));
    expect(Object.keys(EXCEPTIONS).filter((arrow) => !arrows.has(arrow))).toEqual([]);
  });

  it('has no command importing another: what commands share lives in src/cli/', () => {
    const across = ALL.filter(({ from, to }) => from.startsWith('cli/commands/') && to.startsWith('cli/commands/') && from !== to);
    expect(across).toEqual([]);
  });

  it('has the folders docs/architecture.md names, and no other', () => {
    const doc = readFileSync(join(import.meta.dirname, '../docs/architecture.md'), 'utf8');
    for (const layer of Object.keys(MAY_IMPORT).filter((l) => l !== 'top')) expect(doc).toContain(`\`src/${layer}/\``);
  });
});
