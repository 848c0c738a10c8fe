import type { TaskDef } from './rule-set.js';
import type { SelectingRule } from './schema/rule.js';

/** The ids of the tasks a rule selects: any of its selectors, minus its exceptions, in task order. */
export function selectTasks(rule: Pick<SelectingRule, 'appliesTo' | 'except'>, tasks: readonly TaskDef[]): string[] {
  const { appliesTo, except } = rule;
  return tasks
    .filter(
      (task) =>
        (appliesTo.all === true ||
          appliesTo.tasks?.includes(task.id) ||
          appliesTo.categories?.includes(task.category) ||
          appliesTo.tags?.some((tag) => task.tags.includes(tag))) &&
        !except?.tasks?.includes(task.id) &&
        !except?.tags?.some((tag) => task.tags.includes(tag)),
    )
    .map((task) => task.id);
}
