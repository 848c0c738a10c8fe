// The benchmark (DESIGN targets in docs/design.md): every figure of the speed work, each in
// absolute terms and as a ratio to its floor — `node -e 0` for a cold start, csv-parse alone on
// the same file for an audit, ajv-cli on the same files for `validate`. It gates nothing: tests
// stay deterministic, and this machine's noise belongs in a report, not in a red build.
//
//   npm run bench                 every figure (several minutes)
//   npm run bench -- --quick      tiny inputs, a run or two each: proves the bench still works (CI)
//   npm run bench -- cold audit   only the named areas
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const AREAS = ['cold-start', 'decisions', 'audit', 'validate'];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const named = args.filter((a) => !a.startsWith('--'));
const unknown = named.filter((n) => !AREAS.some((a) => a.startsWith(n)));
if (unknown.length > 0) {
  console.error(`bench: unknown area ${unknown.join(', ')}; the areas are ${AREAS.join(', ')}`);
  process.exit(64);
}
const chosen = named.length === 0 ? AREAS : AREAS.filter((a) => named.some((n) => a.startsWith(n)));

const number = (value, unit) => {
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits })} ${unit}`;
};
const line = (f) => {
  const against =
    f.ratio === undefined
      ? ''
      : `  ${f.ratio.toFixed(2)}x ${f.floor}${f.floorValue === undefined ? '' : ` (${number(f.floorValue, f.floorUnit ?? f.unit)})`}`;
  // Tiny inputs say nothing about a target: --quick shows it, unjudged.
  const verdict = quick ? 'not judged (--quick)' : f.met ? 'met' : 'NOT met';
  const target = f.target === undefined ? '' : `  target ${f.target}: ${verdict}`;
  return `  ${f.name.padEnd(46)} ${number(f.value, f.unit).padStart(16)}${against}${target}`;
};

console.log(
  `ma-check bench${quick ? ' --quick (tiny inputs: proves the bench runs; the figures mean little)' : ''} · node ${process.version} · ${new Date().toISOString()}`,
);
const all = [];
for (const area of chosen) {
  const started = Date.now();
  const { bench } = await import(`./${area}.mjs`);
  console.log(`\n${area}`);
  const figures = await bench({ quick, root });
  for (const f of figures) console.log(line(f));
  console.log(`  (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  all.push(...figures.map((f) => ({ area, ...f })));
}
const missed = all.filter((f) => f.met === false);
if (quick) console.log(`\n${all.length} figures (targets are judged only by a full run)`);
else
  console.log(
    `\n${all.length} figures; ${all.filter((f) => f.met === true).length} targets met, ${missed.length} not met${missed.length ? `: ${missed.map((f) => `${f.area}/${f.name}`).join('; ')}` : ''}`,
  );
