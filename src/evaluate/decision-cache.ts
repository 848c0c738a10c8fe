import type { Decision } from '../domain/decision.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';

/** Decisions kept per rule set; when full, the cache starts over (cheaper than evicting one by one). */
export const DECISION_CACHE_SIZE = 4_096;

const caches = new WeakMap<RuleSet, { decisions: Map<string, Decision>; seen: Set<string> }>();

/** Everything a decision depends on besides the rule set, as one string. */
export const queryKey = (q: Query): string =>
  `${q.task}|${list(q.states)}|${list(q.credentials)}|${q.supervision}|${list(q.trainings)}|${q.delegator}|${q.setting}|${list(q.confirmed)}|${list(q.denied)}|${q.asOf}`;

/** Ids never contain commas or `|`; `~` marks a list not given, unlike the empty list. */
const list = (ids: readonly string[] | null): string =>
  ids === null ? '~' : ids.length === 1 ? ids[0]! : ids.join(',');

/**
 * Freezes what a decision owns down to its list entries, so one shared copy can answer every
 * equal query. Citations and rule fields it points at belong to the rule set, itself immutable.
 */
function freezeDecision(d: Decision): Decision {
  for (const list of [d.determinedBy, d.byState, d.conditions, d.rules, d.coverage]) {
    for (const item of list as readonly object[]) Object.freeze(item);
    Object.freeze(list);
  }
  for (const s of d.byState) Object.freeze(s.determinedBy);
  for (const c of d.conditions) Object.freeze(c.rules), Object.freeze(c.cites);
  Object.freeze(d.query), Object.freeze(d.task);
  return Object.freeze(d);
}

/**
 * Memoizes a pure evaluation: a roster asks the same question for many people, and an equal
 * query under the same rule set always has the same answer. Returned decisions are frozen.
 */
export function cached(ruleSet: RuleSet, query: Query, compute: () => Decision): Decision {
  let cache = caches.get(ruleSet);
  if (!cache) caches.set(ruleSet, (cache = { decisions: new Map(), seen: new Set() }));
  const key = queryKey(query);
  const hit = cache.decisions.get(key);
  if (hit !== undefined) return hit;
  const decision = freezeDecision(compute());
  // Keep a decision only once its query comes back: a stream of distinct queries then holds
  // nothing but their keys, and the garbage collector stays out of the way.
  if (cache.seen.has(key)) {
    if (cache.decisions.size >= DECISION_CACHE_SIZE) cache.decisions.clear();
    cache.decisions.set(key, decision);
  } else {
    if (cache.seen.size >= 4 * DECISION_CACHE_SIZE) cache.seen.clear();
    cache.seen.add(key);
  }
  return decision;
}
