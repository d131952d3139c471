// Times whole processes: each command runs in turn with `node -e 0` (interleaved, so load on
// the machine hits all alike) and prints medians and the ratio to `node -e 0`.
// Usage: node scripts/bench.mjs [rounds]   (npm run bench)
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const rounds = Number(process.argv[2] ?? 15);
const bin = fileURLToPath(new URL('../bin/borgermode.js', import.meta.url));
const env = { ...process.env, NO_COLOR: '1' };
const commands = [
  { name: 'node -e 0', args: ['-e', '0'], target: undefined },
  { name: 'borgermode report (md)', args: [bin, 'report', '--quiet'], target: 2.0 },
  { name: 'borgermode report --format html', args: [bin, 'report', '--format', 'html', '--quiet'], target: 2.0 },
  { name: 'borgermode validate', args: [bin, 'validate', '--quiet'], target: undefined },
];

const times = commands.map(() => []);
for (let round = 0; round < rounds; round++) {
  commands.forEach((command, index) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, command.args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command.name} exited ${result.status}: ${result.stderr}`);
    times[index].push(ms);
  });
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const base = median(times[0]);
console.log(`${rounds} rounds, Node ${process.version}, medians of whole-process wall time`);
commands.forEach((command, index) => {
  const m = median(times[index]);
  const ratio = m / base;
  const target = command.target === undefined ? '' : `  (target ≤ ${command.target.toFixed(1)}: ${ratio <= command.target ? 'met' : 'NOT met'})`;
  console.log(`${command.name.padEnd(34)} ${m.toFixed(0).padStart(5)} ms  ${ratio.toFixed(2)}×${target}`);
});
