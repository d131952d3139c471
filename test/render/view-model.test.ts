import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { ROOT, SAMPLE } from '../helpers/temp-project.js';
import { typePaths } from '../helpers/type-paths.js';

// docs/view-model.md against the TypeScript types of the view models (read with the compiler),
// and the JSON that --format json prints for the sample against the same types.
// A new view is one line here and one section there.
const VIEWS = [
  {
    section: 'The brief',
    file: 'src/render/brief-view.ts',
    type: 'BriefView',
    json: [['report'], ['report', '--quarter', '2019-Q2', '--audience', 'internal']],
  },
  {
    section: 'The comparison tables',
    file: 'src/render/compare-view.ts',
    type: 'CompareView',
    json: [['compare'], ['compare', '--table', 'activities'], ['compare', '--table', 'questions', '--audience', 'internal']],
  },
  {
    section: 'The areas comparison',
    file: 'src/render/compare-view.ts',
    type: 'AreasView',
    json: [
      ['compare', '--areas'],
      ['compare', '--areas', '--audience', 'internal'],
    ],
  },
  {
    section: 'The summary',
    file: 'src/render/summary-view.ts',
    type: 'SummaryView',
    json: [
      ['summary', '--year', '2019'],
      ['summary', '--audience', 'internal'],
    ],
  },
  { section: 'The index page', file: 'src/render/index-view.ts', type: 'IndexView', json: [] },
] as const;

const DOC = readFileSync(join(ROOT, 'docs', 'view-model.md'), 'utf8');
const TYPES = typePaths(VIEWS.map((v) => ({ file: join(ROOT, v.file), type: v.type })));

/** The rows of the table in a `## section` of the docs: the field paths of the first column, the names in backticks of the rest. */
function documented(section: string): { fields: string[]; names: Set<string> }[] {
  const start = DOC.indexOf(`\n## ${section}\n`);
  if (start < 0) return [];
  const end = DOC.indexOf('\n## ', start + 1);
  const rows = DOC.slice(start, end < 0 ? undefined : end)
    .split('\n')
    .filter((line) => line.startsWith('| `'));
  return rows.map((row) => {
    const [, first, ...rest] = row.split(/(?<!\\)\|/);
    return { fields: backticked(first!).flatMap(expand), names: new Set(backticked(rest.join('|'))) };
  });
}

const backticked = (text: string): string[] => [...text.matchAll(/`([^`]+)`/g)].map((m) => m[1]!);

/** `a.{b,c[]}.d` → `a.b.d`, `a.c[].d`. */
function expand(path: string): string[] {
  const match = /\{([^}]*)\}/.exec(path);
  if (!match) return [path];
  return match[1]!.split(',').flatMap((part) => expand(path.slice(0, match.index) + part + path.slice(match.index + match[0].length)));
}

/** Every field path of a JSON value, as typePaths writes them. */
function jsonPaths(value: unknown, path = '', into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) {
    into.add(`${path}[]`);
    for (const item of value) jsonPaths(item, `${path}[]`, into);
  } else if (value !== null && typeof value === 'object') {
    if (path) into.add(path);
    for (const [key, item] of Object.entries(value)) jsonPaths(item, path ? `${path}.${key}` : key, into);
  } else if (path) into.add(path);
  return into;
}

describe.each(VIEWS)('$section ($type)', ({ section, type, json }) => {
  const types = TYPES.get(type)!;
  const rows = documented(section);

  it('has a section with a table in docs/view-model.md', () => {
    expect(rows.length).toBeGreaterThan(0);
  });

  it('documents every field of the type: in a row of its own, or named in the row of the object that holds it', () => {
    const undocumented = [...types].filter((path) => {
      if (rows.some((row) => row.fields.includes(path))) return false;
      const cut = path.lastIndexOf('.');
      const [parent, name] = cut < 0 ? ['', path] : [path.slice(0, cut), path.slice(cut + 1)];
      return !rows.some((row) => row.fields.includes(parent) && (row.names.has(name) || row.names.has(name.replace(/\[\]$/, ''))));
    });
    expect(undocumented).toEqual([]);
  });

  it('documents no field the type does not have', () => {
    expect(rows.flatMap((row) => row.fields).filter((path) => !types.has(path))).toEqual([]);
  });

  it.runIf(json.length > 0)('--format json of the sample prints no field the type does not declare', async () => {
    for (const args of json) {
      const result = await runCli([...args, '--data', SAMPLE, '--format', 'json', '--quiet']);
      expect(result.exitCode, result.stderr).toBe(0);
      expect(
        [...jsonPaths(JSON.parse(result.stdout))].filter((path) => !types.has(path)),
        args.join(' '),
      ).toEqual([]);
    }
  });
});

describe('the check itself', () => {
  it('reads nested lists, optional fields and shared shapes from the types', () => {
    const brief = TYPES.get('BriefView')!;
    for (const path of [
      'notice',
      'crime.rows[].change.marker',
      'crime.concerns_total.last4_change.percent',
      'safety.list_check.rows[].tests[].met',
      'about[]',
      'crime.window.last4[]',
    ]) {
      expect(brief.has(path), path).toBe(true);
    }
    expect(brief.has('crime.rows')).toBe(false);
  });

  it('expands {a,b} in documented paths', () => {
    expect(expand('crime.{rows[],crime_total}.{change,last4_change}')).toEqual([
      'crime.rows[].change',
      'crime.rows[].last4_change',
      'crime.crime_total.change',
      'crime.crime_total.last4_change',
    ]);
  });
});
