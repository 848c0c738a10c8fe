// Benchmark (DESIGN §9): cold start of one `check` against `node -e 0`, in-process decisions per
// second, and the audit of a million-row roster. Prints ratios and throughput; it gates nothing
// (tests stay deterministic).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { createEvaluator, evaluate, loadRules } from '../dist/index.js';
import { writeRoster } from './roster.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'ma-check.js');
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const wall = (args) => {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.status === null) throw new Error(`${args.join(' ')} did not exit`);
  return performance.now() - start;
};

// 1. Cold start, alternated run by run so both sides see the same machine load.
const RUNS = 20;
const check = [bin, 'iv-insertion', '--state', 'AK', '--cert', 'CMA'];
for (let i = 0; i < 2; i++) {
  wall(check);
  wall(['-e', '0']);
}
const cli = [];
const floor = [];
const ratios = [];
for (let i = 0; i < RUNS; i++) {
  const b = wall(['-e', '0']);
  const c = wall(check);
  floor.push(b);
  cli.push(c);
  ratios.push(c / b);
}
console.log(`cold start, median of ${RUNS} runs each (alternated):`);
console.log(`  ma-check iv-insertion --state AK --cert CMA  ${median(cli).toFixed(1)} ms`);
console.log(`  node -e 0                                   ${median(floor).toFixed(1)} ms`);
console.log(
  `  ratio (median of medians)                   ${(median(cli) / median(floor)).toFixed(2)}x   (paired median ${median(ratios).toFixed(2)}x; gate <= 1.5, goal <= 1.25)`,
);

// 2. In-process throughput. Queries are resolved first, so only deciding is timed: through one
// evaluator (`createEvaluator`, what an audit uses) and through plain, uncached `evaluate`.
const loaded = loadRules({ root: join(root, 'rules'), cwd: root });
if (!loaded.ok) throw new Error('rules do not load');
const ruleSet = loaded.ruleSet;
const evaluator = createEvaluator(ruleSet);
const states = [...ruleSet.states.keys()];
const tasks = [...ruleSet.tasks.keys()];
const creds = [['CMA'], ['RMA'], ['CMAA'], ['CCMA', '...'], null];
const supervision = ['general', 'direct', 'personal', null];
const delegators = ['physician', 'pa', 'np', null];
const resolve = (i) => {
  const r = evaluator.resolve({
    task: tasks[i % tasks.length],
    states: [states[Math.floor(i / tasks.length) % states.length]],
    credentials: creds[Math.floor(i / (tasks.length * states.length)) % creds.length],
    supervision: supervision[Math.floor(i / (tasks.length * states.length * creds.length)) % supervision.length],
    delegator:
      delegators[
        Math.floor(i / (tasks.length * states.length * creds.length * supervision.length)) % delegators.length
      ],
    asOf: '2026-11-25',
  });
  if (!r.ok) throw new Error(r.problems[0].message);
  return r.query;
};
const rate = (n, ms) => `${(((n / ms) * 1000) / 1e6).toFixed(2)} M decisions/s`;

// 2a. Every query different: each decision is computed (the decision cache never hits).
// Queries are resolved a chunk at a time, outside the timed sections, so the bench does not
// hold 200,000 queries in memory and time the garbage collector instead of the evaluator.
const total = tasks.length * states.length * creds.length * supervision.length * delegators.length;
let distinctMs = 0;
let plainMs = 0;
for (let from = 0; from < total; from += 1000) {
  const chunk = [];
  for (let i = from; i < Math.min(total, from + 1000); i++) chunk.push(resolve(i));
  const t = performance.now();
  for (const q of chunk) evaluator.evaluate(q);
  distinctMs += performance.now() - t;
  const p = performance.now();
  for (const q of chunk) evaluate(ruleSet, q);
  plainMs += performance.now() - p;
}
console.log(
  `in-process evaluate, ${total.toLocaleString('en-US')} distinct queries (${tasks.length} tasks x ${states.length} states x credentials x supervision x delegator), each once:`,
);
console.log(
  `  evaluator ${rate(total, distinctMs)}; plain evaluate ${rate(total, plainMs)}   (every decision computed)`,
);

// 2b. A roster: the same questions asked again and again (1,000 distinct queries, 1,000,000 decisions).
const roster = Array.from({ length: 1000 }, (_, i) => resolve((i * 7919) % total));
const N = 1_000_000;
const passes = [];
for (let p = 0; p < 5; p++) {
  const start = performance.now();
  let sink = 0;
  for (let i = 0; i < N; i++) sink += evaluator.evaluate(roster[i % roster.length]).determinedBy.length;
  passes.push(performance.now() - start);
  if (sink === 0) throw new Error('no decisions');
}
console.log(
  `in-process evaluator, ${N.toLocaleString('en-US')} decisions over ${roster.length.toLocaleString('en-US')} repeated queries (roster-like):`,
);
console.log(
  `  first pass ${rate(N, passes[0])}; warm median ${rate(N, median(passes.slice(1)))}   (gate >= 1 M/s, goal >= 2 M/s)`,
);

// 3. The audit end to end (DESIGN §9): the real CLI on a generated 1,000,000-row roster, CSV in,
// CSV and NDJSON written to files. Peak RSS is the CLI process's own, read when it exits.
const ROWS = 1_000_000;
const PROFILES = 2_000;
const dir = mkdtempSync(join(tmpdir(), 'ma-check-bench-'));
try {
  const roster = join(dir, 'roster.csv');
  const pairs = writeRoster(roster, ROWS, PROFILES);
  console.log(
    `audit, ${ROWS.toLocaleString('en-US')} rows (${pairs.toLocaleString('en-US')} staff-task pairs, ${PROFILES.toLocaleString('en-US')} distinct profiles, ${(statSync(roster).size / 1e6).toFixed(0)} MB of CSV):`,
  );
  // Runs the bin inside a wrapper that reports the process's peak RSS on exit.
  const wrapper = `process.on('exit', () => process.stderr.write('\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n')); process.argv = [process.argv[0], ...process.argv.slice(1)]; require(process.argv[1]);`;
  for (const format of ['csv', 'ndjson']) {
    const output = join(dir, `report.${format}`);
    const start = performance.now();
    const r = spawnSync(
      process.execPath,
      ['-e', wrapper, bin, 'audit', roster, '--format', format, '--output', output, '--as-of', '2026-11-25'],
      { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' },
    );
    const seconds = (performance.now() - start) / 1000;
    if (r.status !== 0 && r.status !== 1) throw new Error(`audit --format ${format} exited ${r.status}: ${r.stderr}`);
    const rss = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? NaN) / 1024;
    const size = statSync(output).size / 1e6;
    rmSync(output);
    console.log(
      `  --format ${format.padEnd(6)} ${seconds.toFixed(1)} s: ${Math.round(ROWS / seconds).toLocaleString('en-US')} rows/s (${Math.round(pairs / seconds).toLocaleString('en-US')} decisions/s), peak RSS ${rss.toFixed(0)} MB, ${size >= 1000 ? `${(size / 1000).toFixed(1)} GB` : `${size.toFixed(0)} MB`} written   (targets >= 200,000 rows/s, <= 200 MB)`,
    );
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
