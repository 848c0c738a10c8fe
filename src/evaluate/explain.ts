import type { ExplainedState } from '../domain/explanation.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import { evaluateState, type OutcomeCache } from './evaluate-state.js';
import { factsOf } from './facts.js';
import { buildPlan } from './plan.js';
import { conditionTree } from './requirement-status.js';

/** The evaluation trace, jurisdiction by jurisdiction and layer by layer, for `--explain`. */
export function explain(ruleSet: RuleSet, query: Query): ExplainedState[] {
  const task = ruleSet.tasks.get(query.task);
  if (!task) throw new Error(`explain: unknown task '${query.task}' (resolve the query first)`);
  const facts = factsOf(ruleSet, query);
  const cache: OutcomeCache = new Map();
  return (query.states ?? [null]).map((state) => {
    const result = evaluateState(buildPlan(ruleSet, task, state, query.asOf), facts, cache);
    return {
      state,
      verdict: result.verdict,
      rules: result.results.map(({ entry, outcome }) => ({
        id: entry.id,
        layer: entry.layer,
        basis: entry.basis,
        summary: entry.summary,
        inForce: entry.inForce,
        supersededBy: entry.supersededBy,
        outcome,
        verdict: entry.rule?.verdict ?? null,
        unless: (entry.rule?.unless ?? []).map((r) => conditionTree(r, facts)),
        requires: entry.rule
          ? (entry.rule.requires ?? []).map((r) => conditionTree(r, facts))
          : entry.supplied
            ? [entry.supplied]
            : [],
      })),
    };
  });
}
