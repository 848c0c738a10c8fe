import type { Verdict } from './verdict.js';
import type { Basis, Confidence, CoverageLevel, Layer } from './vocabulary.js';
import type { Citation } from './schema/definitions.js';
import type { Query } from './query.js';

export const DECISION_SCHEMA_VERSION = 1;

export type FactStatus = 'met' | 'unmet' | 'unknown';

/** What a requirement asks, in the decision's words (`kind` + `requires`). */
export type ConditionAtom =
  | { kind: 'credential'; requires: string[] | { scope: string; issuers?: string[] } }
  | { kind: 'supervision'; requires: string }
  | { kind: 'training'; requires: string[] }
  | { kind: 'delegator'; requires: string[] }
  | { kind: 'setting'; requires: string[] | { noneOf: string[] } }
  | { kind: 'condition'; requires: string }
  | { kind: 'jurisdiction'; requires: 'no-state-rule' | 'state-not-given' };

export type ConditionTree =
  | (ConditionAtom & { status: FactStatus })
  | { kind: 'anyOf' | 'allOf'; of: ConditionTree[]; status: FactStatus };

/** A requirement the query did not establish: unknown (verify it) or unmet. */
export type DecisionCondition = ConditionTree & {
  basis: Basis;
  state: string | null;
  /** False when settling it could not change the verdict. */
  decisive: boolean;
  rules: string[];
  cites: string[];
};

export interface RuleTrace {
  id: string;
  layer: Layer;
  basis: Basis;
  /** `null` when the rule is not in force or is superseded. */
  outcome: Verdict | null;
  summary: string;
  cites: string[];
  inForce: boolean;
  supersededBy: string[] | null;
}

export interface StateVerdict {
  state: string;
  verdict: Verdict;
  determinedBy: string[];
}

export interface CoverageEntry {
  jurisdiction: string;
  level: CoverageLevel;
  reviewed: string | null;
  addressed: boolean;
}

/** The decision JSON (DESIGN §6, `schemaVersion: 1`). Key order here is the output order. */
export interface Decision {
  schemaVersion: typeof DECISION_SCHEMA_VERSION;
  query: Query;
  task: { id: string; name: string };
  verdict: Verdict;
  confidence: Confidence;
  summary: string;
  determinedBy: string[];
  byState: StateVerdict[];
  conditions: DecisionCondition[];
  rules: RuleTrace[];
  citations: Citation[];
  coverage: CoverageEntry[];
  rulesDigest: string;
}
