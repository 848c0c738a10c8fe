import type { DecisionRow, ProfileLabels } from './query-space.js';

/** How a rule differs between the base and the head rule set; a rule is the same rule when its id is. */
export const RULE_CHANGE_KINDS = ['added', 'removed', 'edited'] as const;
export type RuleChangeKind = (typeof RULE_CHANGE_KINDS)[number];

/** A rule that is only in the head (`added`), only in the base (`removed`), or in both with other data (`edited`). */
export interface RuleChange {
  readonly id: string;
  readonly change: RuleChangeKind;
}

/**
 * Which way a decision moved: by verdict rank (`stricter`, `looser`), or the verdict stayed and
 * another part of the row changed (`same-verdict`); `added`/`removed` for a task that only one of
 * the rule sets has, so there is no decision on the other side.
 */
export const CHANGE_DIRECTIONS = ['stricter', 'looser', 'same-verdict', 'added', 'removed'] as const;
export type ChangeDirection = (typeof CHANGE_DIRECTIONS)[number];

/** The parts of a decision row, in the row's order: what a change can differ in. */
export const ROW_PARTS = ['verdict', 'confidence', 'determinedBy', 'toVerify', 'unmet', 'citations'] as const;
export type RowPart = (typeof ROW_PARTS)[number];

/** One point of the query space whose decision the head rule set answers differently from the base. */
export interface DecisionChange {
  readonly task: string;
  readonly jurisdiction: string;
  readonly profile: ProfileLabels;
  readonly direction: ChangeDirection;
  /** The base's decision; null when the base has no such task. */
  readonly before: DecisionRow | null;
  /** The head's decision; null when the head has no such task. */
  readonly after: DecisionRow | null;
  /** The parts of the row that differ, in row order (every part when one side has no decision). */
  readonly changed: readonly RowPart[];
  /**
   * The rules selecting the task in the jurisdiction (national, the state's, overlays; in force
   * on the date or not) that were added, removed or edited: what the change comes from. Empty when
   * it comes from a definition instead (a credential, a training, a role…).
   */
  readonly rules: readonly RuleChange[];
}

/** How many decisions changed, in all and by direction. */
export type ChangeCounts = Readonly<{ total: number } & Record<ChangeDirection, number>>;

/** What a diff decided: counts overall, by state and by task (only those with a change, in space order). */
export interface RuleSetDiffSummary {
  /** Decisions compared: every point of the space, on both rule sets. */
  readonly compared: number;
  readonly changed: ChangeCounts;
  readonly byState: readonly { readonly jurisdiction: string; readonly counts: ChangeCounts }[];
  readonly byTask: readonly { readonly task: string; readonly counts: ChangeCounts }[];
}

/** Every answer that differs between two rule sets over the same query space. */
export interface RuleSetDiff {
  /** YYYY-MM-DD: the date both rule sets were evaluated on. */
  readonly asOf: string;
  readonly summary: RuleSetDiffSummary;
  /** Every rule added, removed or edited between the two, whether or not a decision moved, by id. */
  readonly rules: readonly RuleChange[];
  /** The changed decisions: by jurisdiction, then task (each in the space's order), then direction (in `CHANGE_DIRECTIONS` order), then profile. */
  readonly changes: readonly DecisionChange[];
}

/** One side of a diff as a reader names it: the folder or git ref it came from, and its rules' digest. */
export interface DiffSide {
  readonly source: string;
  readonly digest: string;
}

/** What the diff formats render: the two sides and what changed between them. */
export interface DiffReport {
  readonly base: DiffSide;
  readonly head: DiffSide;
  readonly diff: RuleSetDiff;
}
