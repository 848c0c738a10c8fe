// Shared measuring tools for the bench modules: medians, alternated paired timings of spawned
// processes, and a spawned Node process's own peak RSS. Nothing here gates anything.
import { spawnSync } from 'node:child_process';
import { performance } from 'node:perf_hooks';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** Runs `node ...args` once; returns its wall time in ms. Throws when it does not exit by itself. */
export function wall(args, options = {}) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore', ...options });
  if (r.status === null) throw new Error(`node ${args.join(' ')} did not exit (${r.signal ?? r.error?.message})`);
  return performance.now() - start;
}

/**
 * Times `subject` against `floor` (each an argument list for node, or a function returning ms),
 * alternated run by run so both see the same machine load. Returns both medians, the ratio of
 * the medians and the median of the paired ratios.
 */
export function alternate(subject, floor, runs, options = {}) {
  const once = (what) => (typeof what === 'function' ? what() : wall(what, options));
  for (let i = 0; i < 2; i++) {
    once(subject);
    once(floor);
  }
  const a = [];
  const b = [];
  const paired = [];
  for (let i = 0; i < runs; i++) {
    const f = once(floor);
    const s = once(subject);
    b.push(f);
    a.push(s);
    paired.push(s / f);
  }
  const subjectMs = median(a);
  const floorMs = median(b);
  return { subjectMs, floorMs, ratio: subjectMs / floorMs, pairedRatio: median(paired) };
}

// Preloaded into a measured Node process: reports its peak RSS on stderr as it exits.
const RSS_HOOK =
  "process.on('exit', () => { try { require('node:fs').writeSync(2, '\\nmaxrss ' + process.resourceUsage().maxRSS + '\\n'); } catch {} });";

/**
 * Runs `node <script> ...args` (a Node script: the ma-check bin, ajv-cli's bin, a floor script),
 * returning seconds, the process's own peak RSS in MB, exit status and stderr (minus the RSS line).
 */
export function runMeasured(script, args, options = {}) {
  const start = performance.now();
  const r = spawnSync(
    process.execPath,
    ['-e', `${RSS_HOOK} require(require('node:path').resolve(process.argv[1]));`, script, ...args],
    { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options },
  );
  const seconds = (performance.now() - start) / 1000;
  if (r.status === null) throw new Error(`${script} did not exit (${r.signal ?? r.error?.message})`);
  const m = /\nmaxrss (\d+)\n/.exec(r.stderr);
  return {
    seconds,
    rssMb: m ? Number(m[1]) / 1024 : Number.NaN,
    status: r.status,
    stderr: m ? r.stderr.replace(m[0], '') : r.stderr,
  };
}

/** One line of the bench's report: a figure, its value and unit, and where it stands against its floor and target. */
export function figure(name, value, unit, extra = {}) {
  return { name, value, unit, ...extra };
}
