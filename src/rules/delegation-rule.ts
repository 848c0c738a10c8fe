import type { Requirement } from '../domain/schema/requirement.js';
import type { Delegation } from '../domain/schema/files.js';
import type { SelectingRule } from '../domain/schema/rule.js';
import { STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';

/** The id of the rule a state's `delegation:` block becomes. */
export const delegationRuleId = (code: string): string => `${code}/general-delegation`;

/**
 * The general-delegation rule a `delegation:` provision stands for (DESIGN §3.7): basis law, the
 * state-governed categories unless it names others, the delegator requirement first (unless the
 * provision is silent on other delegators), then the provision's own requirements.
 * A finding that no provision exists (`none: true`) builds no rule.
 */
export function delegationRule(code: string, d: Delegation): SelectingRule | undefined {
  if (d.none) return undefined;
  const requires: Requirement[] = [
    ...(d.delegators && d.exclusive !== false ? [{ delegator: { anyOf: d.delegators } }] : []),
    ...(d.requires ?? []),
  ];
  return {
    id: delegationRuleId(code),
    summary: d.summary,
    basis: 'law',
    confidence: d.confidence,
    appliesTo: { categories: d.categories ?? [...STATE_GOVERNED_CATEGORIES] },
    ...(d.except ? { except: d.except } : {}),
    ...(requires.length > 0 ? { requires } : {}),
    ...(d.effective ? { effective: d.effective } : {}),
    ...(d.until ? { until: d.until } : {}),
    cites: d.cites,
    ...(d.notes ? { notes: d.notes } : {}),
    ...(d.reviewed ? { reviewed: d.reviewed } : {}),
  };
}
