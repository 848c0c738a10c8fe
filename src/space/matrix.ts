import type { Matrix, MatrixAxis } from '../domain/matrix.js';
import type { Query } from '../domain/query.js';
import { NONE_VALUE } from '../domain/query-space.js';
import type { RuleSet } from '../domain/rule-set.js';
import { SUPERVISION_LEVELS } from '../domain/vocabulary.js';
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.js';
import { checkSpaceOptions } from './check-space-options.js';
import { listLabel, profileGrid } from './profile-grid.js';
import { ALL_JURISDICTIONS, type SpaceOptions } from './query-space.js';

/** What to tabulate: the space's tasks and states, its fixed profile, and the column axis. */
export interface MatrixOptions extends SpaceOptions {
  /** Default `state`. `credential` and `supervision` compare within one jurisdiction. */
  by?: MatrixAxis;
}

/**
 * Tasks by states (or credentials, or supervision levels) for one profile, each cell the verdict
 * `check` gives. The profile is the fixed one, read as `check` reads its options: a fact not fixed
 * is unknown, not enumerated; the column axis's fact is set by each column. A caller drawing many
 * matrices (the site: one per task and per state) passes its evaluator, so they share its work.
 */
export function matrix(
  ruleSet: RuleSet,
  options: MatrixOptions,
  evaluator: Evaluator = createEvaluator(ruleSet),
): Matrix {
  if (evaluator.ruleSet !== ruleSet) throw new RangeError('the evaluator is for another rule set');
  checkSpaceOptions([ruleSet], options);
  const by = options.by ?? 'state';
  const fixed = options.fixed ?? {};
  const jurisdictions = options.jurisdictions ?? ALL_JURISDICTIONS;
  if (by !== 'state' && jurisdictions.length !== 1)
    throw new RangeError(`a matrix by ${by} compares within one jurisdiction, not ${jurisdictions.length}`);
  if ((by === 'credential' && fixed.credentials) || (by === 'supervision' && fixed.supervision))
    throw new RangeError(`a matrix by ${by} cannot also fix the ${by}`);
  const profile: Matrix['profile'] = {
    states: by === 'state' ? null : [...jurisdictions],
    credentials: fixed.credentials ? [...fixed.credentials] : null,
    supervision: fixed.supervision ?? null,
    trainings: fixed.trainings ? [...fixed.trainings] : null,
    delegator: fixed.delegator ?? null,
    setting: fixed.setting ?? null,
    confirmed: [...(fixed.confirmed ?? [])],
    denied: [...(fixed.denied ?? [])],
  };
  const columns = columnsOf(ruleSet, by, jurisdictions);
  const tasks = options.tasks ?? [...ruleSet.tasks.keys()];
  const rows = tasks.map((id) => {
    const task = ruleSet.tasks.get(id)!; // checkSpaceOptions: every task is the rule set's
    const verdicts = columns.map(
      (column) => evaluator.evaluate(queryAt(profile, id, by, column, options.asOf)).verdict,
    );
    return { task: id, name: task.name, category: task.category, verdicts };
  });
  return { schemaVersion: 1, by, asOf: options.asOf, rulesDigest: ruleSet.digest, profile, columns, rows };
}

function columnsOf(ruleSet: RuleSet, by: MatrixAxis, jurisdictions: readonly string[]): string[] {
  if (by === 'state') return [...jurisdictions];
  if (by === 'supervision') return [...SUPERVISION_LEVELS];
  const grid = profileGrid([ruleSet]);
  return [...grid.credentials, ...(grid.stateCredentials.get(jurisdictions[0]!) ?? [])].map(listLabel);
}

function queryAt(profile: Matrix['profile'], task: string, by: MatrixAxis, column: string, asOf: string): Query {
  return {
    task,
    states: by === 'state' ? [column] : profile.states && [...profile.states],
    credentials:
      by === 'credential' ? (column === NONE_VALUE ? [] : [column]) : profile.credentials && [...profile.credentials],
    supervision: by === 'supervision' ? (column as Query['supervision']) : profile.supervision,
    trainings: profile.trainings && [...profile.trainings],
    delegator: profile.delegator,
    setting: profile.setting,
    confirmed: [...profile.confirmed],
    denied: [...profile.denied],
    asOf,
  };
}
