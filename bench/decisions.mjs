// In-process decisions per second on the shipped rules (issue 11, area 2): every query different
// (the whole task x state x credentials x supervision x delegator space, each asked once) and a
// roster's worth of repeated questions (1,000 queries asked 1,000,000 times), through one
// `createEvaluator`, with plain uncached `evaluate` alongside as the floor the evaluator improves
// on. Queries are resolved outside the timed parts: only deciding is measured.
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { figure, median } from './measure.mjs';

const DISTINCT_TARGET = 1_000_000;
const REPEATED_TARGET = 5_000_000;
const CHUNK = 1_000;

/** The query space of the bench: task fastest, then state, credentials, supervision, delegator. */
function querySpace(ruleSet, resolve) {
  const states = [...ruleSet.states.keys()];
  const tasks = [...ruleSet.tasks.keys()];
  const creds = [['CMA'], ['RMA'], ['CMAA'], ['CCMA', '...'], null];
  const supervision = ['general', 'direct', 'personal', null];
  const delegators = ['physician', 'pa', 'np', null];
  const sizes = [tasks.length, states.length, creds.length, supervision.length, delegators.length];
  const total = sizes.reduce((a, b) => a * b, 1);
  const at = (i) => {
    const digit = (n) => Math.floor(i / sizes.slice(0, n).reduce((a, b) => a * b, 1)) % sizes[n];
    const r = resolve({
      task: tasks[digit(0)],
      states: [states[digit(1)]],
      credentials: creds[digit(2)],
      supervision: supervision[digit(3)],
      delegator: delegators[digit(4)],
      asOf: '2026-11-25',
    });
    if (!r.ok) throw new Error(r.problems[0].message);
    return r.query;
  };
  return { total, at };
}

/**
 * Milliseconds to decide queries `0..count` with `decide`, resolved a chunk at a time outside
 * the timed part (holding 200,000 queries at once would time the garbage collector instead).
 */
function timeDistinct(space, count, deciders) {
  const ms = deciders.map(() => 0);
  for (let from = 0; from < count; from += CHUNK) {
    const chunk = [];
    for (let i = from; i < Math.min(count, from + CHUNK); i++) chunk.push(space.at(i));
    deciders.forEach((decide, d) => {
      const start = performance.now();
      let sink = 0;
      for (const q of chunk) sink += decide(q).determinedBy.length;
      ms[d] += performance.now() - start;
      if (sink < 0) throw new Error('unreachable');
    });
  }
  return ms;
}

const perSecond = (n, ms) => (n / ms) * 1000;

export async function bench({ quick = false, root }) {
  const { createEvaluator, evaluate, loadRules } = await import(pathToFileURL(join(root, 'dist', 'index.js')).href);
  const loaded = loadRules({ root: join(root, 'rules'), cwd: root });
  if (!loaded.ok) throw new Error('the shipped rules do not load');
  const ruleSet = loaded.ruleSet;
  const resolver = createEvaluator(ruleSet);
  const space = querySpace(ruleSet, resolver.resolve);

  // Distinct: each pass a fresh evaluator over the whole space, so every body it shares is worked
  // out inside the timed part; plain `evaluate` on the same queries, chunk by chunk alongside.
  // Then the same space again through that evaluator: the bodies known, the queries still new to it.
  const count = quick ? 5_000 : space.total;
  const passes = quick ? 1 : 3;
  const evaluatorRates = [];
  const plainRates = [];
  const knownRates = [];
  for (let p = 0; p < passes; p++) {
    const evaluator = createEvaluator(ruleSet);
    const [evaluatorMs, plainMs] = timeDistinct(space, count, [
      (q) => evaluator.evaluate(q),
      (q) => evaluate(ruleSet, q),
    ]);
    evaluatorRates.push(perSecond(count, evaluatorMs));
    plainRates.push(perSecond(count, plainMs));
    const [knownMs] = timeDistinct(space, count, [(q) => evaluator.evaluate(q)]);
    knownRates.push(perSecond(count, knownMs));
  }
  const distinct = median(evaluatorRates);
  const plain = median(plainRates);
  const known = median(knownRates);

  // Repeated: 1,000 queries spread over the space, asked round and round by one evaluator.
  const evaluator = createEvaluator(ruleSet);
  const roster = Array.from({ length: quick ? 100 : 1_000 }, (_, i) => space.at((i * 7919) % space.total));
  const asked = quick ? 100_000 : 1_000_000;
  const rounds = [];
  for (let p = 0; p < (quick ? 2 : 5); p++) {
    const start = performance.now();
    let sink = 0;
    for (let i = 0; i < asked; i++) sink += evaluator.evaluate(roster[i % roster.length]).determinedBy.length;
    rounds.push(performance.now() - start);
    if (sink < 0) throw new Error('unreachable');
  }
  // The first round fills the evaluator; the warm ones are what a long audit sees.
  const repeated = perSecond(asked, median(rounds.slice(1)));

  const floor = 'plain evaluate (uncached)';
  return [
    figure(`distinct: ${count.toLocaleString('en-US')} queries once each`, distinct, 'decisions/s', {
      floor,
      floorValue: plain,
      ratio: distinct / plain,
      target: `>= ${DISTINCT_TARGET.toLocaleString('en-US')}/s`,
      met: distinct >= DISTINCT_TARGET,
    }),
    figure(
      `repeated: ${roster.length.toLocaleString('en-US')} queries, ${asked.toLocaleString('en-US')} asks`,
      repeated,
      'decisions/s',
      {
        floor,
        floorValue: plain,
        ratio: repeated / plain,
        target: `>= ${REPEATED_TARGET.toLocaleString('en-US')}/s`,
        met: repeated >= REPEATED_TARGET,
      },
    ),
    figure('distinct again, bodies known', known, 'decisions/s', {
      floor,
      floorValue: plain,
      ratio: known / plain,
    }),
    figure('plain evaluate, the distinct queries', plain, 'decisions/s'),
  ];
}

// Run on its own: `node bench/decisions.mjs [--quick] [root]`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const root = args.find((a) => !a.startsWith('--')) ?? join(import.meta.dirname, '..');
  for (const f of await bench({ quick: args.includes('--quick'), root }))
    console.log(
      `${f.name}: ${(f.value / 1e6).toFixed(3)} M ${f.unit}${f.ratio ? ` (${f.ratio.toFixed(1)}x ${f.floor})` : ''}${f.target ? `  target ${f.target}` : ''}${f.met === undefined ? '' : f.met ? ' met' : ' NOT met'}`,
    );
}
