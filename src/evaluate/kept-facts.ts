import type { DeepReadonly } from '../domain/deep-readonly.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { KnownFacts } from './fact-reads.js';
import { factsOf } from './facts.js';
import { keptFacts } from './kept-copies.js';

/** The facts of one query copy, with the copy they were made from. */
interface Entry {
  readonly query: DeepReadonly<Query>;
  readonly known: KnownFacts;
}

/** No status worked out yet: `FactReads` grows the array on the first read. */
const NONE_YET = new Uint8Array(0);

/**
 * Whether two of an evaluator's query copies say the same of the facts. Their lists are the
 * shared frozen lists of `QueryKeys.frozenCopy`, so comparing objects is enough: equal lists
 * that are not one object (the lists were dropped in between) only miss, and are made again.
 */
const sameFacts = (a: DeepReadonly<Query>, b: DeepReadonly<Query>): boolean =>
  a.credentials === b.credentials &&
  a.supervision === b.supervision &&
  a.trainings === b.trainings &&
  a.delegator === b.delegator &&
  a.setting === b.setting &&
  a.confirmed === b.confirmed &&
  a.denied === b.denied;

/**
 * Facts (`factsOf`) kept by what a query says of them, for an evaluator: the queries of an audit
 * or a sweep name a few combinations of credentials, supervision and the rest across many tasks
 * and states, so each combination is worked out once, with the derived credentials it leads to
 * and the status of each requirement read of it (`FactReads`).
 */
export class KeptFacts {
  private entries = new Map<number, Entry>();

  /** @param limit entries kept; all go when it is reached. */
  constructor(
    private readonly ruleSet: RuleSet,
    private readonly limit: number,
  ) {}

  /** The facts of `query`, a frozen copy whose facts key (`QueryKeys.facts`) is `key`. */
  of(key: number, query: DeepReadonly<Query>): KnownFacts {
    const found = this.entries.get(key);
    if (found !== undefined && sameFacts(found.query, query)) return found.known;
    if (this.entries.size >= this.limit) this.entries = new Map();
    const known = { facts: keptFacts(factsOf(this.ruleSet, query as Query)), statuses: NONE_YET };
    this.entries.set(key, { query, known });
    return known;
  }
}
