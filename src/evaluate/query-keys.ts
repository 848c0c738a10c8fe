import type { DeepReadonly } from '../domain/deep-readonly.js';
import type { Query } from '../domain/query.js';

/** Codes for "not given" and for the end of a list; ids are numbered from here up. */
const NOT_GIVEN = 0;
const LIST_END = 1;
const FIRST_ID = 2;

/**
 * One step of a hash (MurmurHash3's mixing): order matters, so `[a, b]` and `[b, a]` differ. Kept
 * to 30 bits, which V8 holds as small integers: a map key that allocates nothing.
 */
const mix = (hash: number, code: number): number => {
  const h = Math.imul(hash ^ code, 0xcc9e2d51);
  return Math.imul(h ^ (h >>> 15), 0x1b873593) >>> 2;
};

const NONE: readonly string[] = Object.freeze([]);

export const sameList = (a: readonly string[] | null, b: readonly string[] | null): boolean => {
  if (a === b) return true;
  if (a === null || b === null || a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether a decision's copy of its query says what `q` says, field by field. */
export const sameQuery = (asked: DeepReadonly<Query>, q: Query): boolean =>
  asked.task === q.task &&
  asked.asOf === q.asOf &&
  asked.supervision === q.supervision &&
  asked.delegator === q.delegator &&
  asked.setting === q.setting &&
  sameList(asked.states, q.states) &&
  sameList(asked.credentials, q.credentials) &&
  sameList(asked.trainings, q.trainings) &&
  sameList(asked.confirmed, q.confirmed) &&
  sameList(asked.denied, q.denied);

/**
 * Numeric keys of queries, for the evaluator's maps: each id a query uses is numbered once, and
 * a query's numbers are mixed into 30-bit hashes, so that nothing is joined into a string and
 * looking up a key allocates nothing. Equal queries get equal keys; unequal ones may collide, so
 * whatever is found by a key is compared with the query before it is used. Also keeps the frozen
 * lists decisions show in their queries, one per distinct list.
 */
export class QueryKeys {
  /** The last query read (`read`): its task, date and states, which pick the plans. */
  plans = 0;
  /** The last query read: all of it. */
  query = 0;
  /** The last query read: each of its lists. */
  private credentials = 0;
  private trainings = 0;
  private confirmed = 0;
  private denied = 0;

  private ids = new Map<string, number>();
  private lists = new Map<number, readonly string[]>();

  /** @param limit ids and lists kept; both start over when either is full (keys change, lookups then miss). */
  constructor(private readonly limit: number) {}

  read(q: Query): void {
    this.plans = mix(mix(this.id(q.task), this.id(q.asOf)), this.list(q.states));
    this.credentials = this.list(q.credentials);
    this.trainings = this.list(q.trainings);
    let h = mix(this.plans, this.credentials);
    h = mix(h, this.scalar(q.supervision));
    h = mix(h, this.trainings);
    h = mix(h, this.scalar(q.delegator));
    h = mix(h, this.scalar(q.setting));
    this.confirmed = this.list(q.confirmed);
    h = mix(h, this.confirmed);
    this.denied = this.list(q.denied);
    this.query = mix(h, this.denied);
  }

  /**
   * The decision's own frozen copy of the last query read (the caller's object is neither kept
   * nor frozen), with `states` (the plans' group's copy) and the lists shared. Keys in the
   * contract's order.
   */
  frozenCopy(q: Query, states: readonly string[] | null): DeepReadonly<Query> {
    return Object.freeze({
      task: q.task,
      states,
      credentials: this.frozenList(this.credentials, q.credentials),
      supervision: q.supervision,
      trainings: this.frozenList(this.trainings, q.trainings),
      delegator: q.delegator,
      setting: q.setting,
      confirmed: this.frozenList(this.confirmed, q.confirmed)!,
      denied: this.frozenList(this.denied, q.denied)!,
      asOf: q.asOf,
    });
  }

  /** A frozen copy of `list` (whose key is `key`), shared by every decision that shows an equal list. */
  private frozenList(key: number, list: readonly string[] | null): readonly string[] | null {
    if (list === null) return null;
    if (list.length === 0) return NONE;
    const known = this.lists.get(key);
    if (known !== undefined && sameList(known, list)) return known;
    if (this.lists.size >= this.limit) this.startOver();
    const copy = Object.freeze(list.slice());
    this.lists.set(key, copy);
    return copy;
  }

  private startOver(): void {
    this.ids = new Map();
    this.lists = new Map();
  }

  private id(value: string): number {
    let id = this.ids.get(value);
    if (id === undefined) {
      // Ids come from queries, which need not be resolved: the numbering is bounded too.
      if (this.ids.size >= this.limit) this.startOver();
      id = this.ids.size + FIRST_ID;
      this.ids.set(value, id);
    }
    return id;
  }

  private scalar(value: string | null): number {
    return value === null ? NOT_GIVEN : this.id(value);
  }

  private list(values: readonly string[] | null): number {
    if (values === null) return NOT_GIVEN;
    let h = LIST_END;
    for (let i = 0; i < values.length; i++) h = mix(h, this.id(values[i]!));
    return mix(h, LIST_END);
  }
}
