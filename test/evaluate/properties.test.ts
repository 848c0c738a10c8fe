import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { STATES } from '../../src/domain/jurisdictions.js';
import { OPEN_LIST, type Query } from '../../src/domain/query.js';
import type { RuleSet } from '../../src/domain/rule-set.js';
import { verdictRank } from '../../src/domain/verdict.js';
import { SUPERVISION_LEVELS } from '../../src/domain/vocabulary.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { createEvaluator } from '../../src/evaluate/evaluator.js';
import { minimal, shipped } from '../helpers/load.js';

// Fixed seed: the same cases every run, so a failure reproduces.
const RUNS = { seed: 20261125, numRuns: 400 };

const subset = <T>(items: readonly T[], max = 3) =>
  fc.uniqueArray(fc.constantFrom(...items), { maxLength: Math.min(max, items.length) });
const orNull = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });

const DATES = ['2019-06-01', '2024-01-15', '2026-11-25', '2031-01-01'];

/** Any query the CLI could send, built from the ids the rule set knows. */
function queries(ruleSet: RuleSet): fc.Arbitrary<Query> {
  const withFiles = [...ruleSet.states.keys()];
  const codes = [
    ...new Set([...withFiles, ...withFiles, 'CA', 'TX', 'NY', 'US'].filter((c) => c === 'US' || c in STATES)),
  ];
  return fc.record({
    task: fc.constantFrom(...ruleSet.tasks.keys()),
    states: orNull(
      fc.oneof(
        fc.constant<string[]>(['US']),
        fc.uniqueArray(fc.constantFrom(...codes.filter((c) => c !== 'US')), { minLength: 1, maxLength: 2 }),
      ),
    ),
    credentials: orNull(subset([...ruleSet.credentials.keys()])),
    supervision: orNull(fc.constantFrom(...SUPERVISION_LEVELS)),
    trainings: orNull(subset([...ruleSet.trainings.keys()])),
    delegator: orNull(fc.constantFrom(...ruleSet.roles.keys())),
    setting: orNull(fc.constantFrom(...ruleSet.settings.keys())),
    confirmed: subset([...ruleSet.conditions.keys()], 4),
    denied: fc.constant([] as string[]),
    asOf: fc.constantFrom(...DATES),
  });
}

const notStricter = (before: Query, after: Query, ruleSet: RuleSet) =>
  verdictRank(evaluate(ruleSet, after).verdict) <= verdictRank(evaluate(ruleSet, before).verdict);

describe.each([
  ['the shipped rules', shipped],
  ['the minimal fixture', minimal],
])('invariants over %s', (_name, load) => {
  const ruleSet = load();
  const q = queries(ruleSet);

  test('holding one more credential never makes the verdict stricter', () => {
    fc.assert(
      fc.property(q, fc.constantFrom(...ruleSet.credentials.keys()), (query, extra) => {
        const held = query.credentials ?? [];
        return notStricter(
          { ...query, credentials: held },
          { ...query, credentials: [...new Set([...held, extra])] },
          ruleSet,
        );
      }),
      RUNS,
    );
  });

  test('one more training never makes the verdict stricter', () => {
    fc.assert(
      fc.property(q, fc.constantFrom(...ruleSet.trainings.keys()), (query, extra) => {
        const held = query.trainings ?? [];
        return notStricter(
          { ...query, trainings: held },
          { ...query, trainings: [...new Set([...held, extra])] },
          ruleSet,
        );
      }),
      RUNS,
    );
  });

  test('confirming one more condition never makes the verdict stricter', () => {
    fc.assert(
      fc.property(q, fc.constantFrom(...ruleSet.conditions.keys()), (query, extra) =>
        notStricter(query, { ...query, confirmed: [...new Set([...query.confirmed, extra])] }, ruleSet),
      ),
      RUNS,
    );
  });

  test('a higher supervision level never makes the verdict stricter', () => {
    fc.assert(
      fc.property(q, fc.constantFrom(...SUPERVISION_LEVELS), fc.constantFrom(...SUPERVISION_LEVELS), (query, a, b) => {
        const [low, high] = SUPERVISION_LEVELS.indexOf(a) <= SUPERVISION_LEVELS.indexOf(b) ? [a, b] : [b, a];
        return notStricter({ ...query, supervision: low }, { ...query, supervision: high }, ruleSet);
      }),
      RUNS,
    );
  });

  test('the cached evaluator answers every query as plain evaluate does, however small its caches', () => {
    fc.assert(
      fc.property(fc.array(q, { minLength: 1, maxLength: 6 }), fc.integer({ min: 1, max: 4 }), (batch, limit) => {
        const evaluators = [createEvaluator(ruleSet), createEvaluator(ruleSet, { decisions: limit, plans: limit })];
        // Each query on every date, and again after the others: a cached answer must still be the right one.
        const dated = batch.flatMap((query) => DATES.map((asOf) => ({ ...query, asOf })));
        for (const query of [...dated, ...dated.slice().reverse()]) {
          const plain = evaluate(ruleSet, query);
          for (const evaluator of evaluators) {
            const cached = evaluator.evaluate(query);
            expect(cached).toEqual(plain);
            expect(Object.isFrozen(cached) && Object.isFrozen(cached.conditions)).toBe(true);
          }
        }
      }),
      { ...RUNS, numRuns: 60 },
    );
  });

  test('decisions that share a body are each what plain evaluate says of their query alone, to the byte', () => {
    // One task, list of states and date, many facts: the queries of a roster, which share a few
    // bodies between many different facts. Asked in any order, again, and through tiny caches.
    const facts = fc.record({
      credentials: orNull(subset([...ruleSet.credentials.keys(), OPEN_LIST], 2)),
      supervision: orNull(fc.constantFrom(...SUPERVISION_LEVELS)),
      trainings: orNull(subset([...ruleSet.trainings.keys()], 2)),
      delegator: orNull(fc.constantFrom(...ruleSet.roles.keys())),
      setting: orNull(fc.constantFrom(...ruleSet.settings.keys())),
      confirmed: subset([...ruleSet.conditions.keys()], 2),
    });
    fc.assert(
      fc.property(
        q,
        fc.array(facts, { minLength: 2, maxLength: 12 }),
        fc.integer({ min: 1, max: 3 }),
        (base, many, limit) => {
          const evaluators = [createEvaluator(ruleSet), createEvaluator(ruleSet, { decisions: limit, plans: limit })];
          const asked = many.map((f) => ({ ...base, ...f }));
          for (const query of [...asked, ...asked.slice().reverse(), ...asked]) {
            const alone = evaluate(ruleSet, query);
            const text = JSON.stringify(alone);
            for (const evaluator of evaluators) {
              const shared = evaluator.evaluate(query);
              expect(shared).toEqual(alone);
              expect(JSON.stringify(shared)).toBe(text);
            }
          }
        },
      ),
      { ...RUNS, numRuns: 80 },
    );
  });

  test('the verdict is never below an applicable rule’s outcome', () => {
    fc.assert(
      fc.property(q, (query) => {
        const d = evaluate(ruleSet, query);
        return d.rules.every((r) => r.outcome === null || verdictRank(r.outcome) <= verdictRank(d.verdict));
      }),
      RUNS,
    );
  });

  test('every non-allowed verdict has a determining rule with a citation', () => {
    fc.assert(
      fc.property(q, (query) => {
        const d = evaluate(ruleSet, query);
        if (d.verdict === 'allowed') return true;
        const determining = d.rules.filter((r) => d.determinedBy.includes(r.id));
        return (
          determining.length > 0 &&
          determining.some((r) => r.cites.length > 0) &&
          determining.every((r) => r.outcome === d.verdict)
        );
      }),
      RUNS,
    );
  });

  test('nothing defaults to allowed: a clinical task with no state given is never allowed', () => {
    fc.assert(
      fc.property(q, (query) => {
        const task = ruleSet.tasks.get(query.task)!;
        return (
          task.category === 'administrative' || evaluate(ruleSet, { ...query, states: null }).verdict !== 'allowed'
        );
      }),
      RUNS,
    );
  });

  test('every rule from a file cites at least one known source', () => {
    for (const rule of ruleSet.rules.values()) {
      expect(rule.cites.length, rule.id).toBeGreaterThan(0);
      for (const id of rule.cites) expect(ruleSet.citations.has(id), `${rule.id} cites ${id}`).toBe(true);
    }
  });
});
