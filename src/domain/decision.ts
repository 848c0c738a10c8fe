import type { DeepReadonly } from './deep-readonly.js';
import type { Query } from './query.js';
import type { Citation } from './schema/definitions.js';
import type { Verdict } from './verdict.js';
import type { Basis, Confidence, CoverageLevel, Layer } from './vocabulary.js';

export const DECISION_SCHEMA_VERSION = 1;

export type FactStatus = 'met' | 'unmet' | 'unknown';

/** What a requirement asks, in the decision's words (`kind` + `requires`). */
export type ConditionAtom = DeepReadonly<
  | { kind: 'credential'; requires: string[] | { scope: string; issuers?: string[] } }
  | { kind: 'supervision'; requires: string }
  | { kind: 'training'; requires: string[] }
  | { kind: 'delegator'; requires: string[] }
  | { kind: 'setting'; requires: string[] | { noneOf: string[] } }
  | { kind: 'condition'; requires: string }
  | { kind: 'jurisdiction'; requires: 'no-state-rule' | 'state-not-given' }
>;

export type ConditionTree =
  | (ConditionAtom & { readonly status: FactStatus })
  | { readonly kind: 'anyOf' | 'allOf'; readonly of: readonly ConditionTree[]; readonly status: FactStatus };

/** A requirement the query did not establish: unknown (verify it) or unmet. */
export type DecisionCondition = ConditionTree & {
  readonly basis: Basis;
  readonly state: string | null;
  /** False when settling it could not change the verdict. */
  readonly decisive: boolean;
  readonly rules: readonly string[];
  readonly cites: readonly string[];
};

export interface RuleTrace {
  readonly id: string;
  readonly layer: Layer;
  readonly basis: Basis;
  /** `null` when the rule is not in force or is superseded. */
  readonly outcome: Verdict | null;
  readonly summary: string;
  readonly cites: readonly string[];
  readonly inForce: boolean;
  readonly supersededBy: readonly string[] | null;
}

export interface StateVerdict {
  readonly state: string;
  readonly verdict: Verdict;
  readonly determinedBy: readonly string[];
}

export interface CoverageEntry {
  readonly jurisdiction: string;
  readonly level: CoverageLevel;
  readonly reviewed: string | null;
  readonly addressed: boolean;
}

/**
 * The decision JSON (`schemaVersion: 1`, docs/design.md). Key order here is the output order.
 * Read-only all the way down: an evaluator shares one decision between equal queries.
 */
export interface Decision {
  readonly schemaVersion: typeof DECISION_SCHEMA_VERSION;
  readonly query: DeepReadonly<Query>;
  readonly task: { readonly id: string; readonly name: string };
  readonly verdict: Verdict;
  readonly confidence: Confidence;
  readonly summary: string;
  readonly determinedBy: readonly string[];
  readonly byState: readonly StateVerdict[];
  readonly conditions: readonly DecisionCondition[];
  readonly rules: readonly RuleTrace[];
  readonly citations: readonly DeepReadonly<Citation>[];
  readonly coverage: readonly CoverageEntry[];
  readonly rulesDigest: string;
}
