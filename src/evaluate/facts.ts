import type { FactStatus } from '../domain/decision.js';
import { OPEN_LIST, type Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import { supervisionRank } from '../domain/vocabulary.js';

/**
 * What the query establishes, in the shape the requirement checks read. `null` is "not said".
 * Lists stay arrays: a query names a handful of ids, and scanning them beats building sets.
 */
export interface Facts {
  readonly ruleSet: RuleSet;
  /** Credentials held; `open` when the list ended with `...`. */
  readonly credentials: { held: readonly string[]; open: boolean } | null;
  readonly supervision: number | null;
  /** Trainings held, widened by what each one satisfies. */
  readonly trainings: { held: readonly string[]; open: boolean } | null;
  readonly delegator: string | null;
  readonly setting: string | null;
  readonly confirmed: readonly string[];
  readonly denied: readonly string[];
  /** Derived credentials already worked out for this query; made on first use, as most queries need none. */
  derived: Map<string, FactStatus> | null;
}

function openList(list: readonly string[] | null): { held: string[]; open: boolean } | null {
  if (list === null) return null;
  const open = list.length > 0 && list[list.length - 1] === OPEN_LIST;
  return { held: open ? list.slice(0, -1) : (list as string[]), open };
}

export function factsOf(ruleSet: RuleSet, query: Query): Facts {
  const trainings = openList(query.trainings);
  if (trainings) {
    const widened: string[] = [];
    for (const id of trainings.held)
      for (const met of ruleSet.trainingMeets.get(id) ?? [id]) if (!widened.includes(met)) widened.push(met);
    trainings.held = widened;
  }
  return {
    ruleSet,
    credentials: openList(query.credentials),
    supervision: query.supervision === null ? null : supervisionRank(query.supervision),
    trainings,
    delegator: query.delegator,
    setting: query.setting,
    confirmed: query.confirmed,
    denied: query.denied,
    derived: null,
  };
}
