import type { DecisionRow } from '../domain/query-space.js';
import type { RuleSet } from '../domain/rule-set.js';
import {
  CHANGE_DIRECTIONS,
  type ChangeCounts,
  type ChangeDirection,
  type DecisionChange,
  ROW_PARTS,
  type RowPart,
  type RuleChange,
  type RuleSetDiff,
} from '../domain/rule-set-diff.js';
import { verdictRank } from '../domain/verdict.js';
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.js';
import { buildPlan } from '../evaluate/plan.js';
import { sameList } from '../evaluate/query-keys.js';
import { checkSpaceOptions } from './check-space-options.js';
import { changedStates, sameDefinitions } from './decision-inputs.js';
import { decisionRow, sameRow } from './decision-row.js';
import { profileGrid } from './profile-grid.js';
import {
  ALL_JURISDICTIONS,
  cellPoints,
  cellSize,
  type SpaceCell,
  type SpaceOptions,
  spaceCells,
} from './query-space.js';
import { ruleChanges } from './rule-changes.js';

export interface DiffOptions {
  /**
   * Decide every cell on both sides. By default a cell whose rules and definitions are the same
   * in both rule sets is counted but not decided twice: its decisions cannot differ. Tests turn
   * this on to check that shortcut against deciding everything.
   */
  decideEveryCell?: boolean;
}

/** The ids of the rules selecting a task in one jurisdiction, in the evaluator's order (`buildPlan`). */
function chainOf(ruleSet: RuleSet, task: string, jurisdiction: string, asOf: string): string[] {
  const def = ruleSet.tasks.get(task);
  if (def === undefined) return [];
  const ids: string[] = [];
  for (const entry of buildPlan(ruleSet, def, jurisdiction, asOf).entries) if (entry.rule !== null) ids.push(entry.id);
  return ids;
}

/** The parts of two rows that differ, in row order. */
function changedParts(before: DecisionRow, after: DecisionRow): RowPart[] {
  return ROW_PARTS.filter((part) => {
    const a = before[part];
    const b = after[part];
    return typeof a === 'string' ? a !== b : !sameList(a, b as readonly string[]);
  });
}

function directionOf(before: DecisionRow | null, after: DecisionRow | null): ChangeDirection {
  if (before === null) return 'added';
  if (after === null) return 'removed';
  const moved = verdictRank(after.verdict) - verdictRank(before.verdict);
  return moved > 0 ? 'stricter' : moved < 0 ? 'looser' : 'same-verdict';
}

const DIRECTION_ORDER = new Map(CHANGE_DIRECTIONS.map((d, i) => [d, i]));
const byDirection = (a: DecisionChange, b: DecisionChange): number =>
  DIRECTION_ORDER.get(a.direction)! - DIRECTION_ORDER.get(b.direction)!;

const noChanges = (): Record<'total' | ChangeDirection, number> => ({
  total: 0,
  ...(Object.fromEntries(CHANGE_DIRECTIONS.map((d) => [d, 0])) as Record<ChangeDirection, number>),
});

/** Counts by a key, in the order the keys were first counted. */
class Tally {
  readonly all = noChanges();
  private readonly byKey = new Map<string, Record<'total' | ChangeDirection, number>>();

  add(key: string, direction: ChangeDirection): void {
    let counts = this.byKey.get(key);
    if (counts === undefined) {
      counts = noChanges();
      this.byKey.set(key, counts);
    }
    counts.total++;
    counts[direction]++;
    this.all.total++;
    this.all[direction]++;
  }

  counts(key: string): ChangeCounts | undefined {
    return this.byKey.get(key);
  }
}

/**
 * Every decision the head rule set answers differently from the base, over the query space of
 * both (docs/query-space.md): the same cells and points on either side, each decided by the rule
 * set's own evaluator and compared by its row. A task only one of them has gives `added` or
 * `removed` decisions. Each change names the rules behind it: those selecting its task in its
 * jurisdiction that were added, removed or edited.
 */
export function diffRuleSets(
  base: RuleSet,
  head: RuleSet,
  options: SpaceOptions,
  diffOptions: DiffOptions = {},
): RuleSetDiff {
  checkSpaceOptions([base, head], options);
  const { asOf } = options;
  const rules = ruleChanges(base, head);
  const changedRule = new Map(rules.map((change) => [change.id, change]));
  const skipUnchanged = !diffOptions.decideEveryCell && sameDefinitions(base, head);
  const statesChanged = changedStates(base, head);
  const grid = profileGrid([base, head], options.fixed);
  let baseEvaluator: Evaluator | undefined;
  let headEvaluator: Evaluator | undefined;

  const changedCells: { cell: SpaceCell; changes: DecisionChange[] }[] = [];
  let compared = 0;
  for (const cell of spaceCells([base, head], options)) {
    const inBase = base.tasks.has(cell.task);
    const inHead = head.tasks.has(cell.task);
    // A task neither side has: nothing to decide (checkSpaceOptions refuses one; this only guards).
    if (!inBase && !inHead) continue;
    const baseChain = chainOf(base, cell.task, cell.jurisdiction, asOf);
    const headChain = chainOf(head, cell.task, cell.jurisdiction, asOf);
    const behind: RuleChange[] = [];
    for (const id of new Set([...headChain, ...baseChain])) {
      const change = changedRule.get(id);
      if (change !== undefined) behind.push(change);
    }
    if (
      skipUnchanged &&
      inBase &&
      inHead &&
      behind.length === 0 &&
      !statesChanged.has(cell.jurisdiction) &&
      sameList(baseChain, headChain)
    ) {
      compared += cellSize(cell, grid);
      continue;
    }
    if (inBase) baseEvaluator ??= createEvaluator(base);
    if (inHead) headEvaluator ??= createEvaluator(head);
    const changes: DecisionChange[] = [];
    for (const point of cellPoints(cell, grid, asOf)) {
      compared++;
      const before = baseEvaluator && inBase ? decisionRow(baseEvaluator.evaluate(point.query)) : null;
      const after = headEvaluator && inHead ? decisionRow(headEvaluator.evaluate(point.query)) : null;
      if (before !== null && after !== null && sameRow(before, after)) continue;
      changes.push({
        task: point.task,
        jurisdiction: point.jurisdiction,
        profile: point.profile,
        direction: directionOf(before, after),
        before,
        after,
        changed: before !== null && after !== null ? changedParts(before, after) : [...ROW_PARTS],
        rules: behind,
      });
    }
    // Verdicts that moved first: what a reviewer reads first, and what a shortened listing keeps.
    if (changes.length > 0) changedCells.push({ cell, changes: changes.sort(byDirection) });
  }

  // Grouped by state, then task, each in the space's order; the cells came task by task.
  const jurisdictionOrder = new Map((options.jurisdictions ?? ALL_JURISDICTIONS).map((code, i) => [code, i]));
  const byState = (a: SpaceCell, b: SpaceCell) =>
    jurisdictionOrder.get(a.jurisdiction)! - jurisdictionOrder.get(b.jurisdiction)!;
  const taskOrder = [...new Set(changedCells.map(({ cell }) => cell.task))];
  const changes = changedCells
    .map((entry, i) => ({ ...entry, i }))
    .sort((a, b) => byState(a.cell, b.cell) || a.i - b.i)
    .flatMap(({ changes }) => changes);

  const states = new Tally();
  const tasks = new Tally();
  for (const change of changes) {
    states.add(change.jurisdiction, change.direction);
    tasks.add(change.task, change.direction);
  }
  const jurisdictions = [...new Set(changes.map((c) => c.jurisdiction))];
  return {
    asOf,
    summary: {
      compared,
      changed: states.all,
      byState: jurisdictions.map((jurisdiction) => ({ jurisdiction, counts: states.counts(jurisdiction)! })),
      byTask: taskOrder.map((task) => ({ task, counts: tasks.counts(task)! })),
    },
    rules,
    changes,
  };
}
