import type { Decision } from '../domain/decision.js';
import type { RosterEntry } from '../domain/roster.js';
import type { Evaluator } from '../evaluate/evaluator.js';
import type { QueryProblem } from '../evaluate/resolve-query.js';

/** What one task of one row comes to: a decision, or the problems that kept it from one. */
type TaskOutcome = { decision: Decision; problems?: undefined } | { decision?: undefined; problems: QueryProblem[] };

/** Rows remembered per audit; when full it starts over, like the evaluator's own cache. */
const MEMO_SIZE = 10_000;

/** Separators of a row key: control characters, which `rosterEntryOf` never lets into an id cell. */
const FIELD = '\u0000';
const ITEM = '\u0001';
const UNKNOWN = '\u0002';

/**
 * Decides each task of a roster row. A roster repeats the same few combinations of state,
 * credentials and supervision thousands of times, so outcomes are remembered by the row's text:
 * resolving names and evaluating happen once per distinct question, not once per person.
 */
export class RowDecider {
  private readonly memo = new Map<string, Map<string, TaskOutcome>>();

  constructor(
    private readonly evaluator: Evaluator,
    private readonly asOf: string,
  ) {}

  /** One outcome per task, in the row's order; a task named twice (`vitals;vital-signs`) is decided once. */
  decide(entry: RosterEntry, tasks: readonly string[]): TaskOutcome[] {
    const list = (l: readonly string[] | null) => (l === null ? UNKNOWN : l.join(ITEM));
    const key = `${list(entry.states)}${FIELD}${list(entry.credentials)}${FIELD}${list(entry.trainings)}${FIELD}${entry.supervision ?? UNKNOWN}${FIELD}${entry.delegator ?? UNKNOWN}${FIELD}${entry.setting ?? UNKNOWN}`;
    let byTask = this.memo.get(key);
    if (byTask === undefined) {
      if (this.memo.size >= MEMO_SIZE) this.memo.clear();
      byTask = new Map();
      this.memo.set(key, byTask);
    }
    const out: TaskOutcome[] = [];
    let decided: string[] | undefined;
    for (const task of tasks) {
      let outcome = byTask.get(task);
      if (outcome === undefined) {
        outcome = this.compute(entry, task);
        byTask.set(task, outcome);
      }
      if (outcome.decision) {
        const id = outcome.decision.task.id;
        decided ??= [];
        if (decided.includes(id)) continue;
        decided.push(id);
      }
      out.push(outcome);
    }
    return out;
  }

  /**
   * What is wrong with a row's facts (state, credentials…) whatever the task: with
   * `--assignments`, a roster row is checked when it is read, so its problems point at its line.
   */
  factProblems(entry: RosterEntry): QueryProblem[] {
    const anyTask = this.evaluator.ruleSet.tasks.keys().next().value as string;
    const outcome = this.compute(entry, anyTask);
    return outcome.problems?.filter((p) => p.field !== 'task') ?? [];
  }

  private compute(entry: RosterEntry, task: string): TaskOutcome {
    const resolved = this.evaluator.resolve({
      task,
      states: entry.states,
      credentials: entry.credentials,
      trainings: entry.trainings,
      supervision: entry.supervision,
      delegator: entry.delegator,
      setting: entry.setting,
      asOf: this.asOf,
    });
    return resolved.ok ? { decision: this.evaluator.evaluate(resolved.query) } : { problems: resolved.problems };
  }
}
