// A seeded mutation run: `npm run faults -- [--runs N] [--seed S] [--only I]`. Each run copies the
// minimal fixture rule set, mutates it (text edits, or a file replaced by a FIFO, a link to
// /dev/zero, a folder, a huge or deeply nested document, an alias bomb…) and validates it in
// process. It fails when any run exits 70, prints a stack trace, takes over 5 s or over 512 MB, or
// reports a finding without a file, line and column. CI runs 1,000 with a fixed seed.
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Job, JobResult } from './faults/validate-worker.js';

const REPO = fileURLToPath(new URL('..', import.meta.url));
const STACK_TRACE = /\n\s+at .+:\d+:\d+\)?/;
const LIMIT_MS = 5_000;
const MEMORY_MB = 512;

const option = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(name);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const runs = option('--runs', 1_000);
const seed = option('--seed', 20261207);
const only = process.argv.includes('--only') ? option('--only', 0) : undefined;
const jobs: Job[] = (only === undefined ? [...Array(runs).keys()] : [only]).map((index) => ({ index, seed }));

/** What is wrong with one run's answer, or nothing. */
function problems(r: JobResult): string[] {
  const found: string[] = [];
  if (![0, 1].includes(r.code)) found.push(`exit ${r.code}`);
  if (STACK_TRACE.test(r.stdout + r.stderr)) found.push('a stack trace');
  if (/internal error/.test(r.stderr)) found.push(`an internal error: ${r.stderr.split('\n')[0]}`);
  if (r.ms > LIMIT_MS) found.push(`took ${Math.round(r.ms)} ms`);
  try {
    const report = JSON.parse(r.stdout) as { diagnostics: { file?: string; line?: number; column?: number }[] };
    for (const d of report.diagnostics)
      if (!d.file || !(Number(d.line) >= 1) || !(Number(d.column) >= 1))
        found.push(`an unlocated finding: ${JSON.stringify(d)}`);
  } catch {
    found.push(`stdout is not the JSON report: ${r.stdout.slice(0, 120)}`);
  }
  return found;
}

const failures: string[] = [];
let located = 0;
let next = 0;

/** One worker taking jobs until none are left; a job that hangs or runs out of memory ends it, and another takes over. */
function lane(): Promise<void> {
  return new Promise((done) => {
    const worker = new Worker(new URL('./faults/worker-entry.mjs', import.meta.url), {
      workerData: { fixture: `${REPO}test/fixtures/rule-sets/minimal`, packageRoot: REPO },
      resourceLimits: { maxOldGenerationSizeMb: MEMORY_MB },
    });
    let current: Job | undefined;
    let mutation = '';
    let timer: NodeJS.Timeout | undefined;
    let first = true;
    const give = () => {
      current = jobs[next++];
      if (current === undefined) {
        void worker.terminate();
        done();
        return;
      }
      // The first job of a worker also loads the sources: allow for it.
      const allowed = LIMIT_MS + (first ? 10_000 : 1_000);
      first = false;
      timer = setTimeout(() => replace(`no answer in ${allowed} ms (a hang)`), allowed);
      worker.postMessage(current);
    };
    // A worker blocked in a system call (a read of a FIFO) may never finish terminating: carry on without it.
    const replace = (why: string) => {
      if (current !== undefined) failures.push(`run ${current.index} (${mutation}): ${why}`);
      clearTimeout(timer);
      worker.removeAllListeners();
      void worker.terminate();
      void lane().then(done);
    };
    worker.on('message', (r: JobResult | { mutation: string; started: true }) => {
      if ('started' in r) {
        mutation = r.mutation;
        return;
      }
      clearTimeout(timer);
      const found = problems(r);
      if (found.length > 0) failures.push(`run ${r.index} (${r.mutation}): ${found.join('; ')}`);
      else located++;
      give();
    });
    worker.on('error', (error) => {
      // A worker that cannot even start would fail every run the same way: stop there.
      if (first) throw error;
      replace(`the worker failed: ${error.message}`);
    });
    worker.on('online', give);
  });
}

const started = performance.now();
await Promise.all([lane(), lane()]);
const seconds = ((performance.now() - started) / 1000).toFixed(1);
console.log(
  `fault run, seed ${seed}: ${jobs.length} mutations in ${seconds} s; ${located} answered with located findings`,
);
for (const f of failures) console.log(`  FAIL ${f}`);
if (failures.length > 0) console.log(`reproduce one with: npm run faults -- --seed ${seed} --only <run>`);
// Exit now: a worker stuck in a blocking read would otherwise keep the process alive.
process.exit(failures.length > 0 ? 1 : 0);
