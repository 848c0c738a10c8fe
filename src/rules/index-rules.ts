import type { RuleData, RuleRecord, RuleSet, TaskRules } from '../domain/rule-set.js';
import { selectTasks } from '../domain/select-tasks.js';

export const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> =>
  new Map(items.map((item) => [item.id, item]));

/** Each node of a tree vocabulary mapped to itself and its ancestors. */
export function lineage(nodes: readonly { id: string; parent?: string }[]): Map<string, ReadonlySet<string>> {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  return new Map(
    nodes.map((n) => {
      const line = new Set<string>();
      for (let id: string | undefined = n.id; id && !line.has(id); id = parentOf.get(id)) line.add(id);
      return [n.id, line];
    }),
  );
}

/** Each training mapped to itself and everything it satisfies, following `satisfies` transitively. */
export function trainingClosure(trainings: RuleData['trainings']): Map<string, ReadonlySet<string>> {
  const direct = new Map(trainings.map((t) => [t.id, t.satisfies ?? []]));
  return new Map(
    trainings.map((t) => {
      const met = new Set<string>();
      const stack = [t.id];
      while (stack.length) {
        const id = stack.pop()!;
        if (met.has(id)) continue;
        met.add(id);
        stack.push(...(direct.get(id) ?? []));
      }
      return [t.id, met];
    }),
  );
}

const byRuleId = (a: RuleRecord, b: RuleRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The rules that select one task, by layer, each list ordered by rule id. */
function indexTask(data: RuleData, taskId: string): TaskRules {
  const task = data.tasks.filter((t) => t.id === taskId);
  const national: RuleRecord[] = [];
  const byState = new Map<string, RuleRecord[]>();
  const overlays: RuleRecord[][] = data.overlays.map(() => []);
  const overlayIndex = new Map(data.overlays.map((o, i) => [o.name, i]));
  for (const rule of data.rules) {
    if (selectTasks(rule, task).length === 0) continue;
    if (rule.layer === 'national') national.push(rule);
    else if (rule.layer === 'state') {
      const list = byState.get(rule.owner);
      if (list) list.push(rule);
      else byState.set(rule.owner, [rule]);
    } else overlays[overlayIndex.get(rule.owner)!]!.push(rule);
  }
  national.sort(byRuleId);
  for (const list of byState.values()) list.sort(byRuleId);
  for (const list of overlays) list.sort(byRuleId);
  return { national, byState, overlays };
}

/**
 * Indexes validated rule data for the evaluator. Cheap and pure: the snapshot stores only the
 * data, and a task's rules are gathered the first time a query asks for that task.
 */
export function indexRules(data: RuleData, digest: string): RuleSet {
  const tasks = byId(data.tasks);
  const perTask = new Map<string, TaskRules>();
  return {
    data,
    digest,
    tasks,
    credentials: byId(data.credentials),
    trainings: byId(data.trainings),
    conditions: byId(data.conditions),
    citations: byId(data.citations),
    roles: byId(data.roles),
    settings: byId(data.settings),
    states: new Map(data.states.map((s) => [s.code, s])),
    rules: byId(data.rules),
    rulesOf(taskId: string): TaskRules {
      let found = perTask.get(taskId);
      if (!found) {
        if (!tasks.has(taskId)) throw new Error(`rulesOf: unknown task '${taskId}'`);
        found = indexTask(data, taskId);
        perTask.set(taskId, found);
      }
      return found;
    },
    roleLineage: lineage(data.roles),
    settingLineage: lineage(data.settings),
    trainingMeets: trainingClosure(data.trainings),
  };
}
