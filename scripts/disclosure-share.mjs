// What privacy costs (docs/privacy.md): the share of the crime-table figures that the public
// brief of each quarter hides, on the generated two-area project of the disclosure audit
// (test/helpers/small-area-project.ts), per area: median, least and most.
//   node scripts/disclosure-share.mjs [--grouping auto|categories|groups|totals] [--summaries] [--sensitive] [--counts]
// It runs the sources (no `npm run bundle` needed): esbuild bundles the generator and the
// pipeline of `report` (load → audience → plan → brief view) into one module for this run.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const grouping = args.includes('--grouping') ? args[args.indexOf('--grouping') + 1] : undefined;
const options = {
  ...(grouping ? { grouping } : {}),
  summaries: args.includes('--summaries'),
  sensitive: args.includes('--sensitive'),
  counts: args.includes('--counts'),
};

// Bundled next to node_modules, so the packages it leaves out resolve as usual.
const cache = join(root, 'node_modules', '.cache', 'borgermode');
mkdirSync(cache, { recursive: true });
const bundle = join(cache, 'disclosure-share.mjs');
await build({
  stdin: {
    contents: [
      "export { SMALL_AREAS, SMALL_AREA_YEARS, writeSmallAreaProject } from './test/helpers/small-area-project.ts';",
      "export { loadProject } from './src/load/load-project.ts';",
      "export { audienceData, briefViewFor } from './src/render/pages.ts';",
      "export { hiddenShare } from './src/render/hidden-share.ts';",
      "export { parseQuarter, quarterRange } from './src/model/quarters.ts';",
    ].join('\n'),
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  outfile: bundle,
  logLevel: 'warning',
});
const m = await import(pathToFileURL(bundle).href);

const dir = mkdtempSync(join(tmpdir(), 'borgermode-share-'));
try {
  m.writeSmallAreaProject(dir, options);
  const { dataset, findings } = await m.loadProject({ root: dir, now: new Date() });
  if (!dataset) throw new Error(`the generated project has errors: ${findings.map((f) => f.message).join('; ')}`);
  const source = m.audienceData(dataset, 'public');
  const quarters = m.quarterRange(m.parseQuarter(`${m.SMALL_AREA_YEARS[0]}-Q1`), m.parseQuarter(`${m.SMALL_AREA_YEARS.at(-1)}-Q4`));
  const percent = (share) => `${(share * 100).toFixed(1).padStart(5)} %`;
  const median = (sorted) => (sorted[(sorted.length - 1) >> 1] + sorted[sorted.length >> 1]) / 2;
  console.log(`Hidden share of the public briefs' crime-table figures (${JSON.stringify(options)}), ${quarters.length} quarters per area:`);
  const all = [];
  for (const area of m.SMALL_AREAS) {
    const shares = quarters
      .map((q) => m.hiddenShare(m.briefViewFor(source, area.id, q, 'da')))
      .filter((s) => s.total > 0)
      .map((s) => s.hidden / s.total)
      .sort((a, b) => a - b);
    all.push(...shares);
    console.log(
      `  ${area.name.padEnd(14)} (${area.residents} residents, ~${area.crimePerQuarter} crimes a quarter): median ${percent(median(shares))}, min ${percent(shares[0])}, max ${percent(shares.at(-1))}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(`  ${'both areas'.padEnd(14)} median ${percent(median(all))} (target: at most 25 %)`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
