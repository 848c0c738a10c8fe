import type { FactStatus } from '../domain/decision.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { Facts } from './facts.js';
import type { Plan } from './plan.js';
import { type StatusCheck, statusCheck } from './requirement-status.js';

/**
 * Facts an evaluator keeps, with the status of each read (`FactReads`) worked out for them so far,
 * by the read's number: 0 not yet, then 1 + the read's digit (`digit`).
 */
export interface KnownFacts {
  readonly facts: Facts;
  statuses: Uint8Array;
}

/** Reads beyond this many do not fit a number's 53 bits at three statuses each; their key is a string. */
const NUMERIC_READS = 33;

const digit = (status: FactStatus): number => (status === 'met' ? 0 : status === 'unmet' ? 1 : 2);

/**
 * What the rules of plans read of the facts, for an evaluator: every requirement they can read is
 * numbered once (a national rule's, in every state's plan, has one number), and its status under
 * each kept set of facts is worked out once (`KnownFacts`), so that finding a query's body costs a
 * few array reads. Bounded by the rule set: only its requirements are numbered.
 */
export class FactReads {
  private readonly numbers = new Map<Requirement, number>();
  private readonly checks: StatusCheck[] = [];

  /**
   * The numbers of every requirement the rules of `plans` can read, each once: the leaves of the
   * `requires` of each live rule, and of its `unless` when it states a verdict. Groups (`anyOf`,
   * `allOf`) are left out, their status follows from their leaves'; so does everything a decision
   * says about the facts (see `DecisionBody`).
   */
  of(plans: readonly Plan[]): Int32Array {
    const leaves = new Set<number>();
    const visit = (req: Requirement): void => {
      const group = req.anyOf ?? req.allOf;
      if (group) for (const r of group) visit(r);
      else leaves.add(this.numberOf(req));
    };
    for (const plan of plans)
      for (const { rule, live } of plan.entries) {
        if (!live || rule === null) continue;
        if (rule.verdict) for (const r of rule.unless ?? []) visit(r);
        for (const r of rule.requires ?? []) visit(r);
      }
    return Int32Array.from(leaves);
  }

  /**
   * What `reads` come to under `known`, as one key: their statuses as the digits of a base-3
   * number (a string of digits when there are too many). Two queries with the same key get the
   * same decision body from the same plans, however different their facts.
   */
  key(reads: Int32Array, known: KnownFacts): number | string {
    if (reads.length <= NUMERIC_READS) {
      let key = 0;
      for (let i = 0; i < reads.length; i++) key = key * 3 + this.digitOf(reads[i]!, known);
      return key;
    }
    let key = '';
    for (let i = 0; i < reads.length; i++) key += this.digitOf(reads[i]!, known);
    return key;
  }

  private digitOf(read: number, known: KnownFacts): number {
    if (read >= known.statuses.length) {
      const grown = new Uint8Array(this.checks.length);
      grown.set(known.statuses);
      known.statuses = grown;
    }
    let status = known.statuses[read]!;
    if (status === 0) {
      status = 1 + digit(this.checks[read]!(known.facts));
      known.statuses[read] = status;
    }
    return status - 1;
  }

  private numberOf(req: Requirement): number {
    let n = this.numbers.get(req);
    if (n === undefined) {
      n = this.checks.length;
      this.numbers.set(req, n);
      this.checks.push(statusCheck(req));
    }
    return n;
  }
}
