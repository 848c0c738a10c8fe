import type { Query } from '../domain/query.js';
import { NONE_VALUE, type ProfileGridSummary } from '../domain/query-space.js';
import type { RuleSet } from '../domain/rule-set.js';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../domain/vocabulary.js';

/**
 * Profile facts fixed by the caller (the profile options of `check`), canonical ids: a fixed axis
 * has this one value instead of the grid's. Setting and conditions are not axes of the grid: they
 * are unknown unless fixed here, so decisions list them to verify.
 */
export interface FixedProfile {
  credentials?: readonly string[];
  supervision?: SupervisionLevel;
  delegator?: string;
  trainings?: readonly string[];
  setting?: string;
  confirmed?: readonly string[];
  denied?: readonly string[];
}

/** The profile facts a resolved query states, each fixed; what it leaves unknown stays on the grid. */
export const fixedProfileOf = (query: Query): FixedProfile => ({
  ...(query.credentials ? { credentials: query.credentials } : {}),
  ...(query.supervision ? { supervision: query.supervision } : {}),
  ...(query.delegator ? { delegator: query.delegator } : {}),
  ...(query.trainings ? { trainings: query.trainings } : {}),
  ...(query.setting ? { setting: query.setting } : {}),
  ...(query.confirmed.length ? { confirmed: query.confirmed } : {}),
  ...(query.denied.length ? { denied: query.denied } : {}),
});

/** The values of every axis, before a task's rules say which axes they read. */
export interface ProfileGrid {
  /** `none` and the national credentials, each alone. */
  readonly credentials: readonly (readonly string[])[];
  /** Each state's own credentials, each alone, by state. */
  readonly stateCredentials: ReadonlyMap<string, readonly (readonly string[])[]>;
  readonly supervision: readonly SupervisionLevel[];
  readonly delegators: readonly string[];
  readonly fixed: FixedProfile;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The documented grid (docs/query-space.md) over one or more rule sets (a diff compares two, so
 * its grid holds the ids of both): credentials none, each national credential, each state
 * credential in its own state; the five supervision levels; every delegator role. Ids in code-point
 * order, so the grid does not depend on the order of the rule files.
 */
export function profileGrid(ruleSets: readonly RuleSet[], fixed: FixedProfile = {}): ProfileGrid {
  const national = new Set<string>();
  const byState = new Map<string, Set<string>>();
  const roles = new Set<string>();
  for (const ruleSet of ruleSets) {
    for (const credential of ruleSet.credentials.values()) {
      if (credential.jurisdiction === undefined) national.add(credential.id);
      else {
        const own = byState.get(credential.jurisdiction) ?? new Set<string>();
        own.add(credential.id);
        byState.set(credential.jurisdiction, own);
      }
    }
    for (const role of ruleSet.roles.keys()) roles.add(role);
  }
  const alone = (ids: Iterable<string>) => [...ids].sort(byId).map((id) => [id]);
  return {
    credentials: [[], ...alone(national)],
    stateCredentials: new Map([...byState].sort(([a], [b]) => byId(a, b)).map(([state, ids]) => [state, alone(ids)])),
    supervision: SUPERVISION_LEVELS,
    delegators: [...roles].sort(byId),
    fixed,
  };
}

/** A list of ids as a dataset shows it: joined by `;`, or `none`. An open list keeps its `...`. */
export const listLabel = (ids: readonly string[]): string => (ids.length === 0 ? NONE_VALUE : ids.join(';'));

/** The grid in the words of the dataset's manifest. */
export function gridSummary(grid: ProfileGrid): ProfileGridSummary {
  const { fixed } = grid;
  return {
    credentials: fixed.credentials ? [listLabel(fixed.credentials)] : grid.credentials.map(listLabel),
    stateCredentials: fixed.credentials
      ? {}
      : Object.fromEntries([...grid.stateCredentials].map(([state, lists]) => [state, lists.map(listLabel)])),
    supervision: fixed.supervision ? [fixed.supervision] : [...grid.supervision],
    delegators: fixed.delegator ? [fixed.delegator] : [...grid.delegators],
    trainings: fixed.trainings ? [listLabel(fixed.trainings)] : [NONE_VALUE, 'asked'],
  };
}
