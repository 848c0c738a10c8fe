import type { RuleSet } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { Plan } from './plan.js';

/** The kinds of fact a query states that a rule's requirements can read. */
export type FactKind = 'credential' | 'supervision' | 'training' | 'delegator' | 'setting' | 'condition';

/** What the live rules of some plans can read of a query, found from the rules alone. */
export interface KindsRead {
  readonly kinds: ReadonlySet<FactKind>;
  /** Every training a read requirement names, a derived credential's definition included. */
  readonly trainings: ReadonlySet<string>;
}

/**
 * The kinds of fact the live rules of `plans` can read: the requirements `factReads` checks, and
 * the definition of every derived credential they name (a derived credential is held when its
 * definition is met, so its definition's facts are read too). A kind left out cannot change a
 * decision on these plans: every query that differs only in it gets the same decision body.
 */
export function kindsRead(ruleSet: RuleSet, plans: readonly Plan[]): KindsRead {
  const kinds = new Set<FactKind>();
  const trainings = new Set<string>();
  const seenCredentials = new Set<string>();
  const visit = (req: Requirement): void => {
    const group = req.anyOf ?? req.allOf;
    if (group) for (const r of group) visit(r);
    else if (req.credential) {
      kinds.add('credential');
      if ('anyOf' in req.credential)
        for (const id of req.credential.anyOf) {
          const derivedFrom = ruleSet.credentials.get(id)?.derivedFrom;
          if (derivedFrom && !seenCredentials.has(id)) {
            seenCredentials.add(id);
            visit(derivedFrom);
          }
        }
    } else if (req.supervision) kinds.add('supervision');
    else if (req.training) {
      kinds.add('training');
      for (const id of req.training.anyOf) trainings.add(id);
    } else if (req.delegator) kinds.add('delegator');
    else if (req.setting) kinds.add('setting');
    else if (req.condition !== undefined) kinds.add('condition');
  };
  for (const plan of plans)
    for (const { rule, live } of plan.entries) {
      if (!live || rule === null) continue;
      if (rule.verdict) for (const r of rule.unless ?? []) visit(r);
      for (const r of rule.requires ?? []) visit(r);
    }
  return { kinds, trainings };
}
