// Times whole processes: each command runs in turn with its baseline (interleaved, so load on
// the machine hits all alike) and prints medians and ratios with the targets beside them.
//   node scripts/bench.mjs [rounds]                     start-up: report and validate on the sample (and report on a
//                                                       copy of it as one's own project) vs `node -e 0`
//   node scripts/bench.mjs --scale N[,N…] [rounds]     validate, build and add on a generated project of N records
//                                                       (npm run bench:data makes them) vs a plain js-yaml parse,
//                                                       and an unchanged rerun of validate vs JSON.parse of the
//                                                       same data, with peak memory
//   node scripts/bench.mjs --import N [rounds]          borgermode import of a generated N-row police sheet (Danish CSV:
//                                                       `;`, 3.2.2020 dates, Danish labels) into a fresh copy of the
//                                                       sample each round, and the same import again (nothing new)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/borgermode.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
const importIndex = process.argv.indexOf('--import');
if (importIndex >= 0) {
  await importBench(Number(process.argv[importIndex + 1]), Number(process.argv[importIndex + 2] ?? 3));
  process.exit(0);
}
const scaleIndex = process.argv.indexOf('--scale');
if (scaleIndex >= 0) {
  await scaleBench(process.argv[scaleIndex + 1].split(',').map(Number), Number(process.argv[scaleIndex + 2] ?? 3));
  process.exit(0);
}
// The bundled sample comes with the cache of its checked files made by the build (dist/sample-cache);
// a project of one's own (here a copy of the sample, judged as of the same day as the bundled one)
// has its own cache from its first run on (docs/performance.md).
const { cpSync, rmSync } = await import('node:fs');
const { tmpdir } = await import('node:os');
const { join } = await import('node:path');
const project = join(tmpdir(), 'borgermode-bench', 'sample-project');
rmSync(project, { recursive: true, force: true });
cpSync(fileURLToPath(new URL('../data', import.meta.url)), project, { recursive: true });
const projectEnv = { ...env, BORGERMODE_TODAY: '2020-04-20' };
spawnSync(process.execPath, [bin, 'validate', '--quiet'], { cwd: project, env: projectEnv, stdio: 'ignore' });
const commands = [
  { name: 'node -e 0', args: ['-e', '0'], target: undefined },
  { name: 'borgermode report (md)', args: [bin, 'report', '--sample', '--quiet'], target: 2.5 },
  { name: 'borgermode report --format html', args: [bin, 'report', '--sample', '--format', 'html', '--quiet'], target: 2.5 },
  { name: 'borgermode validate', args: [bin, 'validate', '--sample', '--quiet'], target: undefined },
  { name: 'report, own project, cache warm', args: [bin, 'report', '--quiet'], cwd: project, env: projectEnv, target: 2.5 },
];

const times = commands.map(() => []);
for (let round = 0; round < rounds; round++) {
  commands.forEach((command, index) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command.args, {
      env: command.env ?? env,
      cwd: command.cwd,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command.name} exited ${result.status}: ${result.stderr}`);
    times[index].push(ms);
  });
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
const base = median(times[0]);
console.log(`${rounds} rounds, Node ${process.version}, medians of whole-process wall time`);
commands.forEach((command, index) => {
  const m = median(times[index]);
  const ratio = m / base;
  const target =
    command.target === undefined ? '' : `  (target ≤ ${command.target.toFixed(1)}: ${ratio <= command.target ? 'met' : 'NOT met'})`;
  console.log(`${command.name.padEnd(34)} ${m.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}×${target}`);
});

/** validate and build on generated projects of each size against a js-yaml parse of the same files. */
async function scaleBench(sizes, scaleRounds) {
  const { cpSync, existsSync, readFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const generator = fileURLToPath(new URL('./generate-project.mjs', import.meta.url));
  const baseline = fileURLToPath(new URL('./parse-baseline.mjs', import.meta.url));
  const jsonBaseline = fileURLToPath(new URL('./json-baseline.mjs', import.meta.url));
  // Peak memory comes from GNU time when it is there (Debian: package time).
  const gnuTime = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
  const measure = (args) => {
    const start = process.hrtime.bigint();
    const result = gnuTime
      ? spawnSync(gnuTime, ['-f', '%M', process.execPath, ...args], {
          env,
          stdio: ['ignore', 'ignore', 'pipe'],
          encoding: 'utf8',
          maxBuffer: 1 << 26,
        })
      : spawnSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr.slice(-500)}`);
    const kb = gnuTime ? Number(result.stderr.trim().split('\n').at(-1)) : NaN;
    return { ms, kb };
  };
  const gib = (kb) => kb / 1048576;
  console.log(`scale: ${scaleRounds} rounds each, Node ${process.version}, medians of whole-process wall time`);
  for (const size of sizes) {
    const dir = join(tmpdir(), 'borgermode-bench', String(size));
    const site = join(tmpdir(), 'borgermode-bench', `site-${size}`);
    const cache = join(dir, '.borgermode', 'cache');
    if (!existsSync(join(dir, 'borgermode.yaml'))) spawnSync(process.execPath, [generator, String(size), dir], { stdio: 'inherit' });
    if (!existsSync(`${dir}.json`)) spawnSync(process.execPath, [jsonBaseline, '--make', dir], { stdio: 'inherit' });
    const editCopy = join(tmpdir(), 'borgermode-bench', `edit-${size}`);
    rmSync(editCopy, { recursive: true, force: true });
    cpSync(dir, editCopy, { recursive: true });
    const firstArea = /^\s+- id: (\S+)/m.exec(readFileSync(join(dir, 'borgermode.yaml'), 'utf8'))[1];
    spawnSync(process.execPath, [bin, 'validate', '--data', editCopy, '--quiet'], { env, stdio: 'ignore' });
    // Each command against its baseline, run in turn in every round. `validate` runs first with no
    // cache (so it also writes the cache), then unchanged with it; `build` reads and checks everything.
    const runs = [
      { name: 'js-yaml parse', args: [baseline, dir] },
      {
        name: 'validate',
        args: [bin, 'validate', '--data', dir, '--quiet'],
        before: () => rmSync(cache, { recursive: true, force: true }),
        versus: 'js-yaml parse',
        target: 2.0,
      },
      {
        name: 'build --no-cache',
        args: [bin, 'build', '--data', dir, '--out', site, '--quiet', '--no-cache'],
        versus: 'js-yaml parse',
        target: 2.0,
      },
      { name: 'JSON.parse', args: [jsonBaseline, dir] },
      { name: 'validate, unchanged rerun', args: [bin, 'validate', '--data', dir, '--quiet'], versus: 'JSON.parse', target: 1.5 },
      // One record added to a copy of the project whose cache is warm (a copy: the generated project stays as generated).
      {
        name: 'add incident',
        args: [bin, 'add', 'incident', '--data', editCopy, '--date', '2019-06-01', '--category', 'theft', '--area', firstArea, '--quiet'],
        limit: size === 100_000 ? 500 : undefined,
      },
    ];
    const results = runs.map(() => []);
    for (let round = 0; round < scaleRounds; round++) {
      runs.forEach((run, index) => {
        run.before?.();
        results[index].push(measure(run.args));
      });
    }
    rmSync(site, { recursive: true, force: true });
    rmSync(editCopy, { recursive: true, force: true });
    const medians = new Map(runs.map((run, index) => [run.name, median(results[index].map((r) => r.ms))]));
    const parts = runs.map((run, index) => {
      const m = medians.get(run.name);
      const peak = gib(Math.max(...results[index].map((r) => r.kb)));
      const memory = Number.isNaN(peak)
        ? ''
        : `, peak ${peak.toFixed(2)} GiB${run.target ? ` (target ≤ 1.5: ${peak <= 1.5 ? 'met' : 'NOT met'})` : ''}`;
      if (run.limit !== undefined)
        return `${run.name} ${m.toFixed(0)} ms (target ≤ ${run.limit} ms at ${size.toLocaleString('en')} records: ${m <= run.limit ? 'met' : 'NOT met'})${memory}`;
      if (!run.versus) return `${run.name} ${m.toFixed(0)} ms${memory}`;
      const ratio = m / medians.get(run.versus);
      const target = run.target === undefined ? '' : ` (target ≤ ${run.target.toFixed(1)}: ${ratio <= run.target ? 'met' : 'NOT met'})`;
      return `${run.name} ${m.toFixed(0)} ms, ${ratio.toFixed(2)}× ${run.versus}${target}${memory}`;
    });
    console.log(`${String(size).padStart(8)} records:\n  ${parts.join('\n  ')}`);
  }
}

/** `borgermode import` of an N-row sheet as the police export it, into a copy of the sample. */
async function importBench(rows, importRounds) {
  const { cpSync, rmSync, writeFileSync, mkdirSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = join(tmpdir(), 'borgermode-bench', `import-${rows}`);
  const sheet = join(dir, 'politi.csv');
  const project = join(dir, 'project');
  mkdirSync(dir, { recursive: true });
  // Five years of days, the sample's categories by their Danish labels, counts, zones and a text.
  const categories = ['Tyveri', 'Indbrud i beboelse', 'Hærværk', 'Vold', 'Narkotika'];
  const zones = ['Blok 1-4', 'Blok 5-9', 'Centret', 'P-pladser', ''];
  const lines = ['Dato;Kategori;Antal;Zone;Beskrivelse'];
  for (let i = 0; i < rows; i++) {
    const day = new Date(Date.UTC(2015, 0, 1) + (i % 1800) * 86_400_000);
    const date = `${day.getUTCDate()}.${day.getUTCMonth() + 1}.${day.getUTCFullYear()}`;
    lines.push(`${date};${categories[i % 5]};${1 + (i % 7)};${zones[i % 5]};Anmeldelse nr. ${i + 1}`);
  }
  writeFileSync(sheet, `${lines.join('\r\n')}\r\n`);
  const sample = fileURLToPath(new URL('../data', import.meta.url));
  const fresh = () => {
    rmSync(project, { recursive: true, force: true });
    cpSync(sample, project, { recursive: true });
  };
  const run = (args) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, 'import', sheet, '--data', project, '--quiet', ...args], {
      env: { ...env, BORGERMODE_TODAY: '2020-04-20' },
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    if (result.status !== 0) throw new Error(`import exited ${result.status}: ${result.stderr.slice(-500)}`);
    return Number(process.hrtime.bigint() - start) / 1e6;
  };
  const first = [];
  const again = [];
  for (let round = 0; round < importRounds; round++) {
    fresh();
    first.push(run([]));
    again.push(run([]));
  }
  rmSync(dir, { recursive: true, force: true });
  const limit = 10_000;
  const m = median(first);
  console.log(`import: ${importRounds} rounds, Node ${process.version}, medians of whole-process wall time`);
  console.log(
    `  ${rows.toLocaleString('en')} rows: ${m.toFixed(0)} ms (target ≤ ${limit} ms: ${m <= limit ? 'met' : 'NOT met'}); the same sheet again (nothing new): ${median(again).toFixed(0)} ms`,
  );
}
