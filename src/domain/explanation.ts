import type { ConditionTree } from './decision.js';
import type { Verdict } from './verdict.js';
import type { Basis, Layer } from './vocabulary.js';

/** The evaluation trace that `check --explain` prints: per jurisdiction, every rule with the status of each requirement. */
export interface ExplainedRule {
  id: string;
  layer: Layer;
  basis: Basis;
  summary: string;
  inForce: boolean;
  supersededBy: string[] | null;
  outcome: Verdict | null;
  /** The explicit verdict the rule states, if any. */
  verdict: Verdict | null;
  /** The way out of an explicit verdict, each entry with its status. */
  unless: ConditionTree[];
  /** Every requirement with its status, met ones included. */
  requires: ConditionTree[];
}

export interface ExplainedState {
  state: string | null;
  verdict: Verdict;
  rules: ExplainedRule[];
}
