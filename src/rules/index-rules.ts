import type { RuleData, RuleRecord, RuleSet, TaskRules } from '../domain/rule-set.js';
import { selectTasks } from './select-tasks.js';

const byId = <T extends { id: string }>(items: readonly T[]): Map<string, T> => new Map(items.map((item) => [item.id, item]));

/** Each node of a tree vocabulary mapped to itself and its ancestors. */
function lineage(nodes: readonly { id: string; parent?: string }[]): Map<string, ReadonlySet<string>> {
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
function trainingClosure(trainings: RuleData['trainings']): Map<string, ReadonlySet<string>> {
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

/**
 * Indexes validated rule data for the evaluator: which rules select each task, by layer, each
 * list ordered by rule id. Pure and cheap (well under a millisecond for the shipped rules), so
 * the snapshot stores only the data and this runs at every start.
 */
export function indexRules(data: RuleData, digest: string): RuleSet {
  const taskRules = new Map<string, { national: RuleRecord[]; byState: Map<string, RuleRecord[]>; overlays: RuleRecord[][] }>();
  for (const task of data.tasks) taskRules.set(task.id, { national: [], byState: new Map(), overlays: data.overlays.map(() => []) });
  const overlayIndex = new Map(data.overlays.map((o, i) => [o.name, i]));
  for (const rule of data.rules) {
    for (const taskId of selectTasks(rule, data.tasks)) {
      const entry = taskRules.get(taskId)!;
      if (rule.layer === 'national') entry.national.push(rule);
      else if (rule.layer === 'state') {
        const list = entry.byState.get(rule.owner) ?? [];
        list.push(rule);
        entry.byState.set(rule.owner, list);
      } else entry.overlays[overlayIndex.get(rule.owner)!]!.push(rule);
    }
  }
  const byRuleId = (a: RuleRecord, b: RuleRecord) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  for (const entry of taskRules.values()) {
    entry.national.sort(byRuleId);
    for (const list of entry.byState.values()) list.sort(byRuleId);
    for (const list of entry.overlays) list.sort(byRuleId);
  }
  return {
    data,
    digest,
    tasks: byId(data.tasks),
    credentials: byId(data.credentials),
    trainings: byId(data.trainings),
    conditions: byId(data.conditions),
    citations: byId(data.citations),
    roles: byId(data.roles),
    settings: byId(data.settings),
    states: new Map(data.states.map((s) => [s.code, s])),
    rules: byId(data.rules),
    taskRules: taskRules as Map<string, TaskRules>,
    roleLineage: lineage(data.roles),
    settingLineage: lineage(data.settings),
    trainingMeets: trainingClosure(data.trainings),
  };
}
