import type { FactStatus } from '../domain/decision.js';
import { OPEN_LIST, type Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import { supervisionRank } from '../domain/vocabulary.js';

/** What the query establishes, in the shape the requirement checks read. `null` is "not said". */
export interface Facts {
  readonly ruleSet: RuleSet;
  /** Credentials held; `open` when the list ended with `...`. */
  readonly credentials: { held: ReadonlySet<string>; open: boolean } | null;
  readonly supervision: number | null;
  /** Trainings held, widened by what each one satisfies. */
  readonly trainings: { held: ReadonlySet<string>; open: boolean } | null;
  readonly delegator: string | null;
  readonly setting: string | null;
  readonly confirmed: ReadonlySet<string>;
  readonly denied: ReadonlySet<string>;
  /** Derived credentials already worked out for this query. */
  readonly derived: Map<string, FactStatus>;
}

const openList = (list: readonly string[] | null) =>
  list === null ? null : { ids: list.filter((id) => id !== OPEN_LIST), open: list.at(-1) === OPEN_LIST };

export function factsOf(ruleSet: RuleSet, query: Query): Facts {
  const credentials = openList(query.credentials);
  const trainings = openList(query.trainings);
  return {
    ruleSet,
    credentials: credentials && { held: new Set(credentials.ids), open: credentials.open },
    supervision: query.supervision === null ? null : supervisionRank(query.supervision),
    trainings: trainings && {
      held: new Set(trainings.ids.flatMap((id) => [...(ruleSet.trainingMeets.get(id) ?? [id])])),
      open: trainings.open,
    },
    delegator: query.delegator,
    setting: query.setting,
    confirmed: new Set(query.confirmed),
    denied: new Set(query.denied),
    derived: new Map(),
  };
}
