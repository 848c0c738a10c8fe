import { STATES } from '../domain/jurisdictions.js';
import type { Query } from '../domain/query.js';
import { ANY_VALUE, type ProfileLabels, type SpacePoint } from '../domain/query-space.js';
import type { RuleSet } from '../domain/rule-set.js';
import { type FactKind, kindsRead } from '../evaluate/fact-kinds.js';
import { buildPlan } from '../evaluate/plan.js';
import { checkSpaceOptions } from './check-space-options.js';
import { type FixedProfile, listLabel, type ProfileGrid, profileGrid } from './profile-grid.js';

/** Which part of the space to enumerate. */
export interface SpaceOptions {
  /** YYYY-MM-DD: the rules in force on this date. */
  asOf: string;
  /** Canonical task ids; default every task, in rule-set order. */
  tasks?: readonly string[];
  /** State codes; default the 50 states and DC, in the order `ma-check states` lists them. */
  jurisdictions?: readonly string[];
  /** Profile facts fixed for every point (the profile options of `check`). */
  fixed?: FixedProfile;
}

/** A task in one jurisdiction, with what its rules can read of a profile. */
export interface SpaceCell {
  readonly task: string;
  readonly jurisdiction: string;
  /** Kinds of fact any of the rule sets' live rules for the task there reads. */
  readonly kinds: ReadonlySet<FactKind>;
  /** The trainings those rules name, in code-point order: the grid's `asked` training value. */
  readonly trainings: readonly string[];
}

/** Every state and DC by code, in the order `ma-check states` lists them. */
export const ALL_JURISDICTIONS: readonly string[] = Object.keys(STATES).sort();

/**
 * The cells of the space over one or more rule sets (a diff decides the same points over two):
 * tasks of any of them, in the first one's order then the others' additions, by jurisdiction.
 * A cell reads a kind of fact when the rules of any rule set there do. A task none of them has,
 * or a code that is no state's, is a RangeError (`checkSpaceOptions`).
 */
export function spaceCells(ruleSets: readonly RuleSet[], options: SpaceOptions): SpaceCell[] {
  checkSpaceOptions(ruleSets, options);
  const tasks = options.tasks ?? [...new Set(ruleSets.flatMap((ruleSet) => [...ruleSet.tasks.keys()]))];
  const jurisdictions = options.jurisdictions ?? ALL_JURISDICTIONS;
  const cells: SpaceCell[] = [];
  for (const task of tasks)
    for (const jurisdiction of jurisdictions) {
      const kinds = new Set<FactKind>();
      const trainings = new Set<string>();
      for (const ruleSet of ruleSets) {
        const def = ruleSet.tasks.get(task);
        if (def === undefined) continue;
        const read = kindsRead(ruleSet, [buildPlan(ruleSet, def, jurisdiction, options.asOf)]);
        for (const kind of read.kinds) kinds.add(kind);
        for (const id of read.trainings) trainings.add(id);
      }
      cells.push({ task, jurisdiction, kinds, trainings: [...trainings].sort() });
    }
  return cells;
}

/** One axis of a cell: the values to enumerate, each with its label. */
interface Axis<T> {
  values: readonly T[];
  labels: readonly string[];
}

function axis<T>(
  read: boolean,
  fixed: T | undefined,
  grid: readonly T[],
  label: (v: T) => string,
  unknown: T,
): Axis<T> {
  if (fixed !== undefined) return { values: [fixed], labels: [label(fixed)] };
  if (!read) return { values: [unknown], labels: [ANY_VALUE] };
  return { values: grid, labels: grid.map(label) };
}

/** The axes of one cell: each read axis with the grid's values, a fixed one with its value, any other `*`. */
function cellAxes(cell: SpaceCell, grid: ProfileGrid) {
  const { fixed } = grid;
  const reads = (kind: FactKind) => cell.kinds.has(kind);
  const credentialGrid = [...grid.credentials, ...(grid.stateCredentials.get(cell.jurisdiction) ?? [])];
  const listOf = (v: readonly string[] | null) => listLabel(v ?? []);
  return {
    credentials: axis<readonly string[] | null>(reads('credential'), fixed.credentials, credentialGrid, listOf, null),
    supervision: axis(reads('supervision'), fixed.supervision, grid.supervision, String, null),
    delegators: axis(reads('delegator'), fixed.delegator, grid.delegators, String, null),
    trainings: axis<readonly string[] | null>(reads('training'), fixed.trainings, [[], cell.trainings], listOf, null),
  };
}

/**
 * How many points `cellPoints` gives a cell, without making them: a diff counts the cells it need
 * not decide this way (making 120,000 queries only to count them took a tenth of a run).
 */
export function cellSize(cell: SpaceCell, grid: ProfileGrid): number {
  const { credentials, supervision, delegators, trainings } = cellAxes(cell, grid);
  return credentials.values.length * supervision.values.length * delegators.values.length * trainings.values.length;
}

/**
 * The points of one cell: every profile of the grid on the axes its rules read, one point with
 * `*` on each axis they do not read (the fact is left unknown in its query, which the rules never
 * look at). A fixed axis has its one value whether read or not.
 */
export function* cellPoints(cell: SpaceCell, grid: ProfileGrid, asOf: string): Generator<SpacePoint> {
  const { fixed } = grid;
  const { credentials, supervision, delegators, trainings } = cellAxes(cell, grid);
  const states = [cell.jurisdiction];
  for (let c = 0; c < credentials.values.length; c++)
    for (let s = 0; s < supervision.values.length; s++)
      for (let d = 0; d < delegators.values.length; d++)
        for (let t = 0; t < trainings.values.length; t++) {
          const profile: ProfileLabels = {
            credential: credentials.labels[c]!,
            supervision: supervision.labels[s]!,
            delegator: delegators.labels[d]!,
            training: trainings.labels[t]!,
          };
          const query: Query = {
            task: cell.task,
            states,
            credentials: copyOf(credentials.values[c]!),
            supervision: supervision.values[s]!,
            trainings: copyOf(trainings.values[t]!),
            delegator: delegators.values[d]!,
            setting: fixed.setting ?? null,
            confirmed: [...(fixed.confirmed ?? [])],
            denied: [...(fixed.denied ?? [])],
            asOf,
          };
          yield { task: cell.task, jurisdiction: cell.jurisdiction, profile, query };
        }
}

const copyOf = (list: readonly string[] | null): string[] | null => (list === null ? null : [...list]);

/** Every point of the space over one rule set: cells in order, then each cell's profiles. */
export function* querySpace(ruleSet: RuleSet, options: SpaceOptions): Generator<SpacePoint> {
  const grid = profileGrid([ruleSet], options.fixed);
  for (const cell of spaceCells([ruleSet], options)) yield* cellPoints(cell, grid, options.asOf);
}
