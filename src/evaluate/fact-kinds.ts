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

/** Which kind a requirement is: its one key (the schema allows exactly one). */
const kindOf = (req: Requirement): keyof Requirement =>
  (Object.keys(req) as (keyof Requirement)[]).find((key) => req[key] !== undefined)!;

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
    const kind = kindOf(req);
    switch (kind) {
      case 'anyOf':
      case 'allOf':
        for (const r of req[kind]!) visit(r);
        return;
      case 'credential': {
        kinds.add('credential');
        const need = req.credential!;
        if ('anyOf' in need)
          for (const id of need.anyOf) {
            const derivedFrom = ruleSet.credentials.get(id)?.derivedFrom;
            if (derivedFrom && !seenCredentials.has(id)) {
              seenCredentials.add(id);
              visit(derivedFrom);
            }
          }
        return;
      }
      case 'training':
        kinds.add('training');
        for (const id of req.training!.anyOf) trainings.add(id);
        return;
      case 'supervision':
      case 'delegator':
      case 'setting':
      case 'condition':
        kinds.add(kind);
        return;
      default: {
        // A kind of requirement added to the schema must be placed here: left out, the space would
        // not enumerate the fact it reads, and every row would say `*` for it.
        const unplaced: never = kind;
        throw new RangeError(`a requirement of no known kind (${String(unplaced)}): ${JSON.stringify(req)}`);
      }
    }
  };
  for (const plan of plans)
    for (const { rule, live } of plan.entries) {
      if (!live || rule === null) continue;
      if (rule.verdict) for (const r of rule.unless ?? []) visit(r);
      for (const r of rule.requires ?? []) visit(r);
    }
  return { kinds, trainings };
}
