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

/** A field's last list (`QueryKeys`): none yet. */
interface LastList {
  key: number;
  frozen: readonly string[] | null;
}
const lastList = (): LastList => ({ key: NOT_GIVEN, frozen: null });

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
  /** The last query read: what it says of the facts (all but task, states and date). */
  facts = 0;
  /** The last query read: all of it. */
  query = 0;
  /**
   * The last list read in each list field, its key and frozen copy: the queries of an audit or a
   * sweep mostly repeat a field's list from one query to the next, and comparing it with the last
   * one costs less than numbering its ids and finding its copy again. A key kept here from before
   * the ids started over is no longer the one a list now gets: lookups by it only miss.
   */
  private readonly states = lastList();
  private readonly credentials = lastList();
  private readonly trainings = lastList();
  private readonly confirmed = lastList();
  private readonly denied = lastList();

  private ids = new Map<string, number>();
  private lists = new Map<number, readonly string[]>();

  /** @param limit ids and lists kept; both start over when either is full (keys change, lookups then miss). */
  constructor(private readonly limit: number) {}

  read(q: Query): void {
    this.plans = mix(mix(this.id(q.task), this.id(q.asOf)), this.listKey(this.states, q.states));
    let h = mix(LIST_END, this.listKey(this.credentials, q.credentials));
    h = mix(h, this.scalar(q.supervision));
    h = mix(h, this.listKey(this.trainings, q.trainings));
    h = mix(h, this.scalar(q.delegator));
    h = mix(h, this.scalar(q.setting));
    h = mix(h, this.listKey(this.confirmed, q.confirmed));
    this.facts = mix(h, this.listKey(this.denied, q.denied));
    this.query = mix(this.plans, this.facts);
  }

  /**
   * The decision's own frozen copy of the last query read (the caller's object is neither kept
   * nor frozen), its lists shared by every copy that shows equal ones: so equal lists are one
   * object for as long as this keeps them, and what is kept by a copy's lists (the plans' group,
   * the facts) is found again by comparing objects. Keys in the contract's order.
   */
  frozenCopy(q: Query): DeepReadonly<Query> {
    return Object.freeze({
      task: q.task,
      states: q.states && this.states.frozen,
      credentials: q.credentials && this.credentials.frozen,
      supervision: q.supervision,
      trainings: q.trainings && this.trainings.frozen,
      delegator: q.delegator,
      setting: q.setting,
      confirmed: this.confirmed.frozen!,
      denied: this.denied.frozen!,
      asOf: q.asOf,
    });
  }

  /** The key of `values` in the field whose last list is `last`, which it then becomes (but for `null`). */
  private listKey(last: LastList, values: readonly string[] | null): number {
    if (values === null) return NOT_GIVEN;
    if (last.frozen !== null && sameList(last.frozen, values)) return last.key;
    const key = this.list(values);
    last.frozen = this.frozenList(key, values);
    last.key = key;
    return key;
  }

  /** A frozen copy of `list` (whose key is `key`), shared by every decision that shows an equal list. */
  private frozenList(key: number, list: readonly string[]): readonly string[] {
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
