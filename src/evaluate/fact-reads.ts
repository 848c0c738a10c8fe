import type { FactStatus } from '../domain/decision.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { Facts } from './facts.js';
import type { Plan } from './plan.js';
import { type StatusCheck, statusCheck } from './requirement-status.js';

/**
 * Every requirement the rules of some plans can read of the facts, each once, as a check of its
 * status: the leaves of the `requires` of each live rule, and of its `unless` when it states a
 * verdict. Groups (`anyOf`, `allOf`) are left out, their status follows from their leaves'; so
 * does everything a decision says about the facts (see `DecisionBody`).
 */
export function factReads(plans: readonly Plan[]): StatusCheck[] {
  const leaves = new Set<Requirement>();
  const visit = (req: Requirement): void => {
    const group = req.anyOf ?? req.allOf;
    if (group) for (const r of group) visit(r);
    else leaves.add(req);
  };
  for (const plan of plans)
    for (const { rule, live } of plan.entries) {
      if (!live || rule === null) continue;
      if (rule.verdict) for (const r of rule.unless ?? []) visit(r);
      for (const r of rule.requires ?? []) visit(r);
    }
  return [...leaves].map(statusCheck);
}

/** Reads beyond this many do not fit a number's 53 bits at three statuses each; their key is a string. */
const NUMERIC_READS = 33;

const digit = (status: FactStatus): number => (status === 'met' ? 0 : status === 'unmet' ? 1 : 2);

/**
 * What the reads come to under `facts`, as one key: their statuses as the digits of a base-3
 * number (a string of digits when there are too many). Two queries with the same key get the same
 * decision body from the same plans, however different their facts.
 */
export function readsKey(reads: readonly StatusCheck[], facts: Facts): number | string {
  if (reads.length <= NUMERIC_READS) {
    let key = 0;
    for (const read of reads) key = key * 3 + digit(read(facts));
    return key;
  }
  let key = '';
  for (const read of reads) key += digit(read(facts));
  return key;
}
