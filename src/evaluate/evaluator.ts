import type { Decision } from '../domain/decision.js';
import type { Query, QueryInput } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import { BoundedCache } from './bounded-cache.js';
import { planKey, queryKey } from './cache-key.js';
import { decide, type PlanSource } from './evaluate.js';
import { freezeDecision } from './freeze-decision.js';
import { buildPlan, type Plan } from './plan.js';
import { nameLookups, type ResolveResult, resolveQuery } from './resolve-query.js';

/** `evaluate` and `resolveQuery` for one rule set, remembering what it has worked out. */
export interface Evaluator {
  readonly ruleSet: RuleSet;
  /** `resolveQuery(ruleSet, input)`, with the name tables built once. */
  resolve(input: QueryInput): ResolveResult;
  /** `evaluate(ruleSet, query)`: deep-equal to it, frozen, and shared by equal queries. */
  evaluate(query: Query): Decision;
}

/** How much an evaluator keeps; each cache starts over when full. */
export interface EvaluatorLimits {
  /** Decisions kept, by query. */
  decisions: number;
  /** Plans kept, by task, jurisdiction and date (a plan holds its citation lists). */
  plans: number;
}

const DEFAULT_LIMITS: Readonly<EvaluatorLimits> = { decisions: 4_096, plans: 4_096 };

/**
 * The evaluator for many queries over one rule set (an audit, a test run, a report): the same
 * answers as `evaluate`, which stays uncached and pure. Every cache lives here, keyed one way
 * (`cache-key.ts`) and bounded, and goes when the evaluator does.
 */
export function createEvaluator(ruleSet: RuleSet, limits: Partial<EvaluatorLimits> = {}): Evaluator {
  const { decisions: decisionLimit, plans: planLimit } = { ...DEFAULT_LIMITS, ...limits };
  const lookups = nameLookups(ruleSet);
  const plans = new BoundedCache<Plan>(planLimit);
  const decisions = new BoundedCache<Decision>(decisionLimit);
  // Queries asked once so far: a decision is kept only when its query comes back, so a stream of
  // distinct queries holds nothing but keys and the garbage collector stays out of the way.
  const askedOnce = new BoundedCache<true>(4 * decisionLimit);

  const planOf: PlanSource = (rs, task, state, asOf) => {
    const key = planKey(task.id, state, asOf);
    let plan = plans.get(key);
    if (plan === undefined) {
      plan = buildPlan(rs, task, state, asOf);
      plans.set(key, plan);
    }
    return plan;
  };

  return {
    ruleSet,
    resolve: (input) => resolveQuery(ruleSet, input, lookups),
    evaluate(query) {
      const key = queryKey(query);
      const hit = decisions.get(key);
      if (hit !== undefined) return hit;
      const decision = freezeDecision(decide(ruleSet, query, planOf));
      if (askedOnce.has(key)) decisions.set(key, decision);
      else askedOnce.set(key, true);
      return decision;
    },
  };
}
