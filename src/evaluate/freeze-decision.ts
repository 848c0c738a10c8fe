import type { Decision } from '../domain/decision.js';

/**
 * Freezes what a decision owns, down to its list entries, so that one copy can answer every equal
 * query. Citations and rule fields it points at belong to the rule set, itself never changed.
 */
export function freezeDecision(d: Decision): Decision {
  for (const list of [d.determinedBy, d.byState, d.conditions, d.rules, d.coverage]) {
    for (const item of list as readonly object[]) Object.freeze(item);
    Object.freeze(list);
  }
  for (const s of d.byState) Object.freeze(s.determinedBy);
  for (const c of d.conditions) {
    Object.freeze(c.rules);
    Object.freeze(c.cites);
  }
  Object.freeze(d.query);
  Object.freeze(d.task);
  return Object.freeze(d);
}
