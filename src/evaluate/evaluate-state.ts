import { stricter, type Verdict } from '../domain/verdict.js';
import type { Facts } from './facts.js';
import type { Plan, PlanEntry } from './plan.js';
import { type Finding, type RuleOutcome, ruleOutcome } from './rule-outcome.js';

/** One rule as evaluated for one jurisdiction. */
export interface RuleResult {
  entry: PlanEntry;
  /** `null` when the rule is not in force or is superseded. */
  outcome: Verdict | null;
  findings: readonly Finding[];
}

export interface StateResult {
  plan: Plan;
  state: string | null;
  verdict: Verdict;
  results: RuleResult[];
  addressed: boolean;
}

/** Outcomes of national rules do not depend on the state: worked out once per query that names several. */
export type OutcomeCache = Map<string, RuleOutcome>;

const NONE: readonly Finding[] = [];

/** Evaluates one jurisdiction's plan against the facts: national rules, the state's, then overlays (docs/design.md). */
export function evaluateState(plan: Plan, facts: Facts, cache: OutcomeCache | null): StateResult {
  let verdict: Verdict = 'allowed';
  const results: RuleResult[] = new Array(plan.entries.length);
  for (let i = 0; i < plan.entries.length; i++) {
    const entry = plan.entries[i]!;
    if (!entry.live) {
      results[i] = { entry, outcome: null, findings: NONE };
      continue;
    }
    if (entry.rule === null) {
      results[i] = {
        entry,
        outcome: 'conditional',
        findings: [{ entry: null, supplied: entry.supplied, status: 'unknown', effect: 'conditional' }],
      };
      verdict = stricter(verdict, 'conditional');
      continue;
    }
    const national = cache !== null && entry.layer === 'national';
    let evaluated = national ? cache.get(entry.id) : undefined;
    if (!evaluated) {
      evaluated = ruleOutcome(entry.rule, facts);
      if (national) cache.set(entry.id, evaluated);
    }
    verdict = stricter(verdict, evaluated.outcome);
    results[i] = { entry, outcome: evaluated.outcome, findings: evaluated.findings };
  }
  return { plan, state: plan.state, verdict, results, addressed: plan.addressed };
}
