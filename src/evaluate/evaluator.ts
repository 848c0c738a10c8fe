import type { Decision } from '../domain/decision.js';
import type { Query, QueryInput } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import { keptDecision } from './kept-copies.js';
import { KeptFacts } from './kept-facts.js';
import { QueryKeys, sameQuery } from './query-keys.js';
import { nameLookups, type ResolveResult, resolveQuery } from './resolve-query.js';
import { SharedBodies } from './shared-bodies.js';

/** `evaluate` and `resolveQuery` for one rule set, remembering what it has worked out. */
export interface Evaluator {
  readonly ruleSet: RuleSet;
  /** `resolveQuery(ruleSet, input)`, with the name tables built once. */
  resolve(input: QueryInput): ResolveResult;
  /** `evaluate(ruleSet, query)`: deep-equal to it, frozen, and shared by equal queries. */
  evaluate(query: Query): Decision;
}

/** How much an evaluator keeps; each cache starts over when full. */
export interface EvaluatorLimits {
  /** Decisions kept, by query; and as many decision bodies, by what the facts come to. */
  decisions: number;
  /** Plans kept, grouped by task, states and date. */
  plans: number;
}

const DEFAULT_LIMITS: Readonly<EvaluatorLimits> = { decisions: 8_192, plans: 4_096 };

/** Slots a bucket of the asked table has. */
const BUCKET = 4;

/** Slots at most (4 MB): a larger limit only means more queries forgotten before they come back. */
const MAX_ASKED_SLOTS = 2 ** 20;

/** The power of two at or above `n`, at least a bucket and at most `MAX_ASKED_SLOTS`. */
const askedTableSize = (n: number): number => {
  let size = BUCKET;
  while (size < n && size < MAX_ASKED_SLOTS) size *= 2;
  return size;
};

/**
 * The evaluator for many queries over one rule set (an audit, a test run, a report): the same
 * answers as `evaluate`, which stays uncached and pure. A decision is a frozen copy of its query
 * around a frozen body shared by every query that reads the same facts (`SharedBodies`); an equal
 * query asked again gets the same decision. Every cache is bounded, keyed by numbers
 * (`QueryKeys`), and goes when the evaluator does.
 */
export function createEvaluator(ruleSet: RuleSet, limits: Partial<EvaluatorLimits> = {}): Evaluator {
  const { decisions: decisionLimit, plans: planLimit } = { ...DEFAULT_LIMITS, ...limits };
  if (!(decisionLimit >= 1 && planLimit >= 1))
    throw new RangeError(`evaluator limits must be at least 1, not ${decisionLimit} and ${planLimit}`);
  const lookups = nameLookups(ruleSet);
  const keys = new QueryKeys(4 * decisionLimit);
  const bodies = new SharedBodies(ruleSet, { plans: planLimit, bodies: decisionLimit });
  const facts = new KeptFacts(ruleSet, decisionLimit);
  // Decisions by query, found by a numeric key (`QueryKeys`), so that equal queries share one. A
  // decision is kept only when its query comes back: keeping every decision of a stream of
  // distinct queries was measured to cost a third of the time of making them (the garbage
  // collector's), while the keys of the queries asked once are mere numbers.
  let decisions = new Map<number, Decision>();
  // The keys of queries asked so far, in buckets of four slots picked by the key's low bits, the
  // newest first (a fifth key in a bucket pushes out the oldest: that query, asked again, is kept
  // on its next ask instead; with one slot a bucket, two queries of a roster that shared it pushed
  // each other out on every round, measured at a fifth of the repeated figure). Not a Set: adding
  // every key of a stream of distinct queries to a Set of tens of thousands was measured at about
  // a tenth of a fresh evaluator's time. A slot holds its key plus one, so zero means empty.
  const askedSlots = askedTableSize(4 * decisionLimit);
  const asked = new Int32Array(askedSlots);
  // The same, by the query object itself: the cheapest key there is, for a caller that asks with
  // the same object again. Filled when a query comes back, so a stream of distinct queries does
  // not keep its callers' objects.
  let byObject = new Map<Query, Decision>();

  return {
    ruleSet,
    resolve: (input) => resolveQuery(ruleSet, input, lookups),
    evaluate(query) {
      const known = byObject.get(query);
      if (known !== undefined && sameQuery(known.query, query)) return known;
      return byKey(query);
    },
  };

  /** A query not asked with this object before (or changed since): by its key, else decided. */
  function byKey(query: Query): Decision {
    keys.read(query);
    const equal = decisions.get(keys.query);
    if (equal !== undefined && sameQuery(equal.query, query)) {
      if (byObject.size >= decisionLimit) byObject = new Map();
      byObject.set(query, equal);
      return equal;
    }
    const copy = keys.frozenCopy(query);
    const group = bodies.groupOf(keys.plans, copy);
    const decision = keptDecision(copy, bodies.bodyOf(group, facts.of(keys.facts, copy)));
    const key = keys.query + 1;
    const at = keys.query & (askedSlots - BUCKET);
    if (asked[at] === key || asked[at + 1] === key || asked[at + 2] === key || asked[at + 3] === key) {
      if (decisions.size >= decisionLimit) decisions = new Map();
      decisions.set(keys.query, decision);
    } else {
      asked[at + 3] = asked[at + 2]!;
      asked[at + 2] = asked[at + 1]!;
      asked[at + 1] = asked[at]!;
      asked[at] = key;
    }
    return decision;
  }
}
