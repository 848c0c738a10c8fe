import type { Query } from './query.js';
import type { Verdict } from './verdict.js';
import type { Confidence } from './vocabulary.js';

/**
 * A profile axis's label when no rule of the task in the jurisdiction reads that kind of fact:
 * every value on the grid gets the same decision, so one row stands for them all.
 */
export const ANY_VALUE = '*';

/** A credential or training label for a profile that holds none. */
export const NONE_VALUE = 'none';

/** The axes of the profile grid, in column order. */
export const PROFILE_AXES = ['credential', 'supervision', 'delegator', 'training'] as const;
export type ProfileAxis = (typeof PROFILE_AXES)[number];

/**
 * One profile of the grid as a dataset shows it: each axis a value's label, or `*` (ANY_VALUE).
 * Credential and training labels are ids joined by `;`, or `none`.
 */
export type ProfileLabels = Readonly<Record<ProfileAxis, string>>;

/** One point of the query space: a task in one jurisdiction for one profile, and the query that asks it. */
export interface SpacePoint {
  readonly task: string;
  readonly jurisdiction: string;
  readonly profile: ProfileLabels;
  readonly query: Query;
}

/**
 * What a decision comes to in the dataset and in a diff: the parts a reader compares. Lists are
 * in the decision's own order.
 */
export interface DecisionRow {
  readonly verdict: Verdict;
  readonly confidence: Confidence;
  readonly determinedBy: readonly string[];
  /** Requirements the profile leaves unknown, each as `kind:value` (`condition:competency-validated`). */
  readonly toVerify: readonly string[];
  /** Requirements the profile does not meet, in the same form. */
  readonly unmet: readonly string[];
  readonly citations: readonly string[];
}

/** The profile grid the space was built on: every axis's values, as labels. */
export interface ProfileGridSummary {
  /** National credentials (and `none`) everywhere; each state's own credentials only in that state. */
  readonly credentials: readonly string[];
  readonly stateCredentials: Readonly<Record<string, readonly string[]>>;
  readonly supervision: readonly string[];
  readonly delegators: readonly string[];
  /** `none`, and `asked`: every training the task's rules in the jurisdiction name. */
  readonly trainings: readonly string[];
}
