import type { Decision } from '../domain/decision.js';

/**
 * Distinct decisions whose ids are remembered by their query. Past this many, a decision met
 * again after its object was let go of (the evaluator's caches are bounded) is given a new id
 * and written again, rather than memory growing with the roster.
 */
const REMEMBERED_QUERIES = 100_000;

/**
 * The ids of a report's decisions: `d1`, `d2`… in the order the report first uses them, so the
 * same roster, rules and options give the same ids. Equal decisions share an id even when they
 * are different objects: a decision is a function of its query (the rule set is the run's), so
 * the query names it.
 */
export class DecisionIds {
  private readonly byObject = new WeakMap<Decision, string>();
  private readonly byQuery = new Map<string, string>();
  private next = 1;

  /** The id of a decision met before as this very object: the cheap case, nearly every item. */
  known(d: Decision): string | undefined {
    return this.byObject.get(d);
  }

  /** The id of a decision not met before as this object; `first` when no equal decision was either. */
  assign(d: Decision): { id: string; first: boolean } {
    const query = JSON.stringify(d.query);
    let id = this.byQuery.get(query);
    const first = id === undefined;
    if (id === undefined) {
      id = `d${this.next++}`;
      if (this.byQuery.size < REMEMBERED_QUERIES) this.byQuery.set(query, id);
    }
    this.byObject.set(d, id);
    return { id, first };
  }
}
