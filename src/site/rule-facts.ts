import { describeCondition } from '../domain/describe.js';
import type { RuleRecord, RuleSet } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { Facts } from '../evaluate/facts.js';
import { conditionTree } from '../evaluate/requirement-status.js';
import type { RuleFacts } from '../format/site-rule-facts.js';

/**
 * A requirement in the words a decision's conditions use (`conditionTree`, `describeCondition`),
 * as `ma-check state` gives them: the tree is built for a query that says nothing, since only its
 * words are read here, never its status.
 */
function inWords(ruleSet: RuleSet, requirement: Requirement): string {
  const nothingKnown: Facts = {
    ruleSet,
    credentials: null,
    supervision: null,
    trainings: null,
    delegator: null,
    setting: null,
    confirmed: [],
    denied: [],
    derived: null,
  };
  return describeCondition(conditionTree(requirement, nothingKnown));
}

/** What a rule says and where and when it applies (format/site-rule-facts.ts), for any layer. */
export function ruleFacts(ruleSet: RuleSet, rule: RuleRecord): RuleFacts {
  return {
    verdict: rule.verdict ?? null,
    unless: (rule.unless ?? []).map((r) => inWords(ruleSet, r)),
    requires: (rule.requires ?? []).map((r) => inWords(ruleSet, r)),
    // The linker gives an overlay rule its overlay's states when it names none; none at all is every state.
    ...(rule.layer === 'overlay' ? { states: rule.states ?? 'all' } : {}),
    effective: rule.effective ?? null,
    until: rule.until ?? null,
  };
}
