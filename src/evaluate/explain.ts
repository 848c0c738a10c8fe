import type { ConditionTree } from '../domain/decision.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Verdict } from '../domain/verdict.js';
import { type OutcomeCache, type RuleResult, evaluateState } from './evaluate-state.js';
import { factsOf } from './facts.js';
import { conditionTree } from './requirement-status.js';

export interface ExplainedRule extends Omit<RuleResult, 'findings' | 'confidence'> {
  /** The way out of an explicit verdict, each entry with its status. */
  unless: ConditionTree[];
  /** Every requirement with its status, met ones included. */
  requires: ConditionTree[];
  /** The explicit verdict the rule states, if any. */
  verdict: Verdict | null;
}

export interface ExplainedState {
  state: string | null;
  verdict: Verdict;
  rules: ExplainedRule[];
}

/** The evaluation trace, jurisdiction by jurisdiction and layer by layer, for `--explain`. */
export function explain(ruleSet: RuleSet, query: Query): ExplainedState[] {
  const task = ruleSet.tasks.get(query.task);
  if (!task) throw new Error(`explain: unknown task '${query.task}' (resolve the query first)`);
  const facts = factsOf(ruleSet, query);
  const cache: OutcomeCache = new Map();
  return (query.states ?? [null]).map((state) => {
    const result = evaluateState(ruleSet, task, query, facts, state, cache);
    return {
      state,
      verdict: result.verdict,
      rules: result.results.map(({ findings, confidence: _confidence, ...rest }) => {
        const rule = ruleSet.rules.get(rest.id);
        const supplied = rule ? [] : findings.map((f) => f.tree);
        return {
          ...rest,
          verdict: rule?.verdict ?? null,
          unless: (rule?.unless ?? []).map((r) => conditionTree(r, facts)),
          requires: rule ? (rule.requires ?? []).map((r) => conditionTree(r, facts)) : supplied,
        };
      }),
    };
  });
}
