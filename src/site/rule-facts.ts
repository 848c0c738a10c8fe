import type { RuleRecord } from '../domain/rule-set.js';
import { describeRequirement } from '../evaluate/describe-requirement.js';
import type { RuleFacts } from '../format/site-rule-facts.js';

/**
 * What a rule says and where and when it applies (format/site-rule-facts.ts), for any layer; its
 * requirements in the words `ma-check state` uses.
 */
export function ruleFacts(rule: RuleRecord): RuleFacts {
  return {
    verdict: rule.verdict ?? null,
    unless: (rule.unless ?? []).map(describeRequirement),
    requires: (rule.requires ?? []).map(describeRequirement),
    // The linker gives an overlay rule its overlay's states when it names none; none at all is every state.
    ...(rule.layer === 'overlay' ? { states: rule.states ?? 'all' } : {}),
    effective: rule.effective ?? null,
    until: rule.until ?? null,
  };
}
