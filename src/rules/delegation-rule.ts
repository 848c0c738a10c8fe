import type { Delegation } from '../domain/schema/files.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { SelectingRule } from '../domain/schema/rule.js';
import { STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';

/** The id of the rule a state's `delegation:` provision becomes. */
export const delegationRuleId = (code: string): string => `${code}/general-delegation`;

/** The id of the rule a state's finding that it has no delegation provision becomes. */
export const noProvisionRuleId = (code: string): string => `${code}/no-delegation-provision`;

/**
 * The condition a finding of no provision asks the user to confirm (defined in
 * `rules/conditions.yaml`): with the law silent, someone must confirm the task may be delegated.
 */
const NO_PROVISION_CONDITION = 'delegation-confirmed-with-board';

/**
 * The rule a `delegation:` block stands for (docs/design.md). A provision becomes `XX/general-delegation`:
 * basis law, the state-governed categories unless it names others, the delegator requirement first
 * (unless the provision is silent on other delegators), then the provision's own requirements.
 * A cited finding that the state has no provision (`none: true`) becomes `XX/no-delegation-provision`,
 * which asks the user to confirm the delegation with the board: the answer rests on the state's
 * researched silence, shown with its sources, instead of on a gap in the data.
 */
export function delegationRule(code: string, d: Delegation): SelectingRule {
  if (d.none) {
    return {
      id: noProvisionRuleId(code),
      summary: d.summary,
      basis: 'law',
      confidence: d.confidence,
      appliesTo: { categories: [...STATE_GOVERNED_CATEGORIES] },
      requires: [{ condition: NO_PROVISION_CONDITION }],
      cites: d.cites,
      ...(d.notes ? { notes: d.notes } : {}),
      ...(d.reviewed ? { reviewed: d.reviewed } : {}),
    };
  }
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
