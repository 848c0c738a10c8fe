import { describe, expect, test } from 'vitest';
import type { ConditionTree, Decision } from '../../src/domain/decision.js';
import type { Query } from '../../src/domain/query.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { createEvaluator } from '../../src/evaluate/evaluator.js';
import { KeptFacts } from '../../src/evaluate/kept-facts.js';
import { QueryKeys } from '../../src/evaluate/query-keys.js';
import { SharedBodies } from '../../src/evaluate/shared-bodies.js';
import { minimal, shipped } from '../helpers/load.js';

const query = (fields: Partial<Query> & { task: string }): Query => ({
  states: ['AK'],
  credentials: null,
  supervision: null,
  trainings: null,
  delegator: null,
  setting: null,
  confirmed: [],
  denied: [],
  asOf: '2026-11-25',
  ...fields,
});

/** Every object a decision owns, as opposed to what it points at in the rule set (citations, a rule's lists). */
function ownedParts(d: Decision): object[] {
  const trees = (t: ConditionTree): object[] => ('of' in t ? [t, t.of, ...t.of.flatMap(trees)] : [t]);
  const q = d.query;
  return [
    d,
    q,
    ...[q.states, q.credentials, q.trainings, q.confirmed, q.denied].filter((l) => l !== null),
    d.task,
    d.determinedBy,
    d.byState,
    ...d.byState.flatMap((s) => [s, s.determinedBy]),
    d.conditions,
    ...d.conditions.flatMap((c) => [...trees(c), c.rules, c.cites]),
    d.rules,
    ...d.rules,
    d.citations,
    d.coverage,
    ...d.coverage,
  ];
}

describe('createEvaluator (shared bodies)', () => {
  test('queries that differ only in facts the rules never read share one body; each keeps its own query', () => {
    const evaluator = createEvaluator(minimal());
    const a = evaluator.evaluate(query({ task: 'filing', credentials: ['CMA'], supervision: 'direct' }));
    const b = evaluator.evaluate(query({ task: 'filing', delegator: 'physician' }));
    expect(a).not.toBe(b);
    expect(a.rules).toBe(b.rules);
    expect(a.citations).toBe(b.citations);
    expect(a.query.credentials).toEqual(['CMA']);
    expect(b.query.credentials).toBeNull();
    expect(b.query.delegator).toBe('physician');
  });

  test('queries whose facts the rules read differently get bodies of their own', () => {
    const evaluator = createEvaluator(minimal());
    const unknown = evaluator.evaluate(query({ task: 'iv-insertion' }));
    const direct = evaluator.evaluate(query({ task: 'iv-insertion', supervision: 'direct' }));
    const general = evaluator.evaluate(query({ task: 'iv-insertion', supervision: 'general' }));
    expect(new Set([unknown.conditions, direct.conditions, general.conditions]).size).toBe(3);
    for (const [d, q] of [
      [unknown, query({ task: 'iv-insertion' })],
      [general, query({ task: 'iv-insertion', supervision: 'general' })],
    ] as const)
      expect(d).toEqual(evaluate(minimal(), q));
  });

  test('bodies of one group whose rules come out the same share traces, citations and coverage, not conditions', () => {
    const ruleSet = minimal();
    const evaluator = createEvaluator(ruleSet);
    const asked = [query({ task: 'iv-insertion', supervision: 'direct' }), query({ task: 'iv-insertion' })];
    const [direct, unknown] = asked.map((q) => evaluator.evaluate(q)) as [Decision, Decision];
    expect(direct.rules.map((r) => r.outcome)).toEqual(unknown.rules.map((r) => r.outcome));
    expect(direct.conditions).not.toEqual(unknown.conditions);
    for (const part of ['determinedBy', 'byState', 'rules', 'citations', 'coverage', 'task'] as const)
      expect(direct[part]).toBe(unknown[part]);
    asked.forEach((q, i) => expect([direct, unknown][i]).toEqual(evaluate(ruleSet, q)));
  });

  test('queries on many tasks and states that say the same of the facts are each answered as plain evaluate does', () => {
    const ruleSet = shipped();
    const evaluator = createEvaluator(ruleSet);
    // Each set of facts is kept once, with the statuses worked out for it, across tasks and states.
    for (const credentials of [['CMA', '...'], ['RMA'], null])
      for (const states of [['WA'], ['CA', 'WA'], null, ['US']])
        for (const task of ['iv-insertion', 'venipuncture', 'im-injection', 'filing']) {
          const q = query({ task, states, credentials, supervision: 'general', delegator: 'np' });
          expect(evaluator.evaluate(q)).toEqual(evaluate(ruleSet, q));
        }
  });

  test('everything a decision owns is frozen, down to the trees of its conditions', () => {
    const ruleSet = shipped();
    const evaluator = createEvaluator(ruleSet);
    const queries = [
      query({ task: 'iv-insertion', credentials: ['CMA'] }),
      query({ task: 'venipuncture', states: ['WA', 'CA'], credentials: ['CMA', '...'] }),
      query({ task: 'im-injection', states: null, trainings: ['bbp-training'] }),
    ];
    for (const q of queries) {
      const d = evaluator.evaluate(q);
      expect(d.conditions.length).toBeGreaterThan(0);
      for (const part of ownedParts(d)) expect(Object.isFrozen(part)).toBe(true);
      // The caller's query stays the caller's.
      expect([q, q.credentials, q.trainings].filter((o) => o !== null && Object.isFrozen(o))).toEqual([]);
    }
  });

  test('an equal query that comes back, as a new object, gets the decision kept for it', () => {
    const evaluator = createEvaluator(shipped());
    const ask = () => evaluator.evaluate(query({ task: 'iv-insertion', credentials: ['CMA'], supervision: 'direct' }));
    ask();
    const kept = ask();
    // Other queries in between, each asked once, do not push it out.
    for (const task of ['venipuncture', 'im-injection', 'filing']) evaluator.evaluate(query({ task }));
    expect(ask()).toBe(kept);
  });

  test('a query object changed after it was asked is answered anew', () => {
    const ruleSet = shipped();
    const evaluator = createEvaluator(ruleSet);
    const q = query({ task: 'iv-insertion', credentials: ['CMA'] });
    for (let i = 0; i < 3; i++) evaluator.evaluate(q);
    q.credentials!.push('RMA');
    q.states!.splice(0, 1, 'WA');
    q.supervision = 'direct';
    const after = evaluator.evaluate(q);
    expect(after.query.states).toEqual(['WA']);
    expect(after).toEqual(evaluate(ruleSet, q));
  });

  test('limits below one are refused', () => {
    expect(() => createEvaluator(minimal(), { decisions: 0 })).toThrow(RangeError);
    expect(() => createEvaluator(minimal(), { plans: 0 })).toThrow(RangeError);
  });
});

describe('KeptFacts', () => {
  test('two queries whose facts keys collide each get facts of their own', () => {
    const ruleSet = shipped();
    const kept = new KeptFacts(ruleSet, 100);
    const keys = new QueryKeys(100);
    const copy = (q: Query) => {
      keys.read(q);
      return keys.frozenCopy(q);
    };
    const cma = copy(query({ task: 'filing', credentials: ['CMA'] }));
    const rma = copy(query({ task: 'filing', credentials: ['RMA'] }));
    const direct = copy(query({ task: 'filing', credentials: ['RMA'], supervision: 'direct' }));
    for (const q of [cma, rma, direct, cma, direct, rma]) {
      const { facts } = kept.of(7, q);
      expect(facts.credentials?.held).toEqual(q.credentials);
      expect(facts.supervision === null).toBe(q.supervision === null);
    }
  });
});

describe('SharedBodies', () => {
  test('two queries whose keys collide each get the group of their own task, states and date', () => {
    const ruleSet = minimal();
    const bodies = new SharedBodies(ruleSet, { plans: 100, bodies: 100 });
    const filing = query({ task: 'filing' });
    const triage = query({ task: 'triage', states: ['CT', 'AK'] });
    for (const q of [filing, triage, filing, triage]) {
      const group = bodies.groupOf(7, q);
      expect(group.task.id).toBe(q.task);
      expect(group.states).toEqual(q.states);
      expect(group.plans.map((p) => p.state)).toEqual(q.states);
    }
  });
});
