import type { RuleSet } from '../domain/rule-set.js';
import type { MapProfile } from '../format/site-map-controls.js';

/**
 * The profile the index map first shows and the task pages' maps and tables use, stated on every
 * page that uses it: a CMA under direct supervision, delegated by a physician (the profile the
 * data report fixes). A fact the rules do not know is left unknown rather than guessed.
 */
export function defaultProfile(ruleSet: RuleSet): Omit<MapProfile, 'task'> {
  return {
    credential: ruleSet.credentials.has('CMA') ? 'CMA' : '',
    supervision: 'direct',
    delegator: ruleSet.roles.has('physician') ? 'physician' : '',
  };
}

/** The task the index first shows: IV insertion, the README's example, or else the first task. */
export function defaultTask(ruleSet: RuleSet): string {
  return ruleSet.tasks.has('iv-insertion') ? 'iv-insertion' : ruleSet.tasks.keys().next().value!;
}
