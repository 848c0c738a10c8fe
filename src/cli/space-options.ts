import { type Command, Option } from 'commander';
import { NATIONAL } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import { CATEGORIES, type Category, SUPERVISION_LEVELS } from '../domain/vocabulary.js';
import { type NameLookups, nameLookups, type QueryProblem, resolveQuery } from '../evaluate/resolve-query.js';
import { fixedProfileOf } from '../space/profile-grid.js';
import { ALL_JURISDICTIONS, type SpaceOptions } from '../space/query-space.js';
import { UsageError } from './errors.js';
import { AS_OF_HELP, collectFacts, collectList } from './options.js';
import { type ProfileCliOptions, profileInput } from './profile-input.js';
import { usageProblems } from './query-problems.js';

/** The options that pick a part of the query space (`matrix`, `export`, `diff`), as commander gives them. */
export interface SpaceCliOptions extends ProfileCliOptions {
  tasks?: string[];
  states?: string[];
  category?: string[];
  asOf?: string;
}

/** Adds the space options to a command: which tasks and states, and the profile options of `check`. */
export function addSpaceOptions(command: Command): Command {
  command
    .option('--tasks <ids>', 'only these tasks (ids or aliases, comma-separated)', collectList)
    .option('-s, --states <codes>', 'only these states: AK,Alaska,CA (default: the 50 states and DC)', collectList)
    .addOption(
      new Option('--category <names>', `only tasks of these categories (${CATEGORIES.join(', ')})`).argParser(
        collectList,
      ),
    );
  return addProfileOptions(command);
}

/** Adds the profile options of `check` and `--as-of`: each fixes its fact for every query. */
export function addProfileOptions(command: Command): Command {
  return command
    .option('-c, --cert <ids>', "fix the credentials held: CMA,RMA; 'none'", collectFacts)
    .addOption(new Option('--supervision <level>', 'fix the supervision level').choices(SUPERVISION_LEVELS))
    .option('-t, --training <ids>', "fix the trainings completed; 'none'", collectFacts)
    .option('-d, --delegator <role>', 'fix who delegates: physician, pa, np…')
    .option('--setting <id>', 'where the work happens (unknown unless given)')
    .option('--confirm <ids>', 'conditions known to hold', collectFacts)
    .option('--deny <ids>', 'conditions known not to hold', collectFacts)
    .option('--as-of <date>', `the rules in force on this date (${AS_OF_HELP})`);
}

/**
 * The space the options pick, in canonical ids, or a usage error naming every unknown name with
 * what was probably meant. Profile options fix their axis; the rest of the profile is the grid's.
 * States come out in code order and tasks in rule-set order, whatever order they were typed in, so
 * the same space is always the same options (and an export of it the same bytes).
 *
 * The tasks are those of `taskSources` (default the rule set alone), in the first one's order then
 * the others' additions, as `spaceCells` orders them; a diff passes both of its rule sets, so a task
 * only the base has is in the space too. A task name is read against `ruleSet` first, then the others.
 */
export function resolveSpaceOptions(
  ruleSet: RuleSet,
  options: SpaceCliOptions,
  today: string,
  taskSources: readonly RuleSet[] = [ruleSet],
): SpaceOptions {
  const asOf = options.asOf ?? today;
  const problems: QueryProblem[] = [];
  const lookups = nameLookups(ruleSet);
  const anyTask = ruleSet.tasks.keys().next().value ?? '';
  const profile = resolveQuery(
    ruleSet,
    {
      task: anyTask,
      states: options.states ?? null,
      ...profileInput(options),
      asOf,
    },
    lookups,
  );
  if (!profile.ok) problems.push(...profile.problems);
  const taskIds = options.tasks?.map((name) => resolveTask(ruleSet, lookups, taskSources, name, asOf, problems));
  if (problems.length > 0) throw new UsageError(usageProblems(problems));
  const categories = options.category?.map((name) => categoryOf(name));
  const query = profile.ok ? profile.query : null;
  if (query?.states?.includes(NATIONAL))
    throw new UsageError("--states takes states; the national baseline 'US' is not a column of the space");

  const wanted = taskIds ? new Set(taskIds) : null;
  const tasks: string[] = [];
  const seen = new Set<string>();
  for (const source of taskSources)
    for (const task of source.tasks.values()) {
      if (seen.has(task.id)) continue;
      seen.add(task.id);
      if ((wanted === null || wanted.has(task.id)) && (!categories || categories.includes(task.category)))
        tasks.push(task.id);
    }
  if (tasks.length === 0 && categories)
    throw new UsageError(
      wanted === null
        ? `no task of the rules is in --category ${categories.join(',')}; name another category`
        : 'no task is both in --tasks and in --category; widen one of them',
    );
  const fixed = query ? fixedProfileOf(query) : {};
  const states = query?.states ? new Set(query.states) : null;
  return {
    asOf,
    tasks,
    ...(states ? { jurisdictions: ALL_JURISDICTIONS.filter((code) => states.has(code)) } : {}),
    fixed,
  };
}

/**
 * A task's id, read against `ruleSet` first and then the other sources; an unknown name is recorded
 * with the suggestions of `ruleSet`, the rules the names are documented to be read against.
 */
function resolveTask(
  ruleSet: RuleSet,
  lookups: NameLookups,
  taskSources: readonly RuleSet[],
  name: string,
  asOf: string,
  problems: QueryProblem[],
): string {
  const resolved = resolveQuery(ruleSet, { task: name, asOf }, lookups);
  if (resolved.ok) return resolved.query.task;
  for (const other of taskSources) {
    if (other === ruleSet) continue;
    const there = resolveQuery(other, { task: name, asOf });
    if (there.ok) return there.query.task;
  }
  problems.push(...resolved.problems.filter((p) => p.field === 'task'));
  return name;
}

/** A `--category` name, folded as names are (case and surrounding spaces do not matter). */
function categoryOf(name: string): Category {
  const folded = name.trim().toLowerCase();
  const found = CATEGORIES.find((c) => c === folded);
  if (found === undefined)
    throw new UsageError(
      `unknown category '${name}'; ${didYouMean(name, CATEGORIES) || `one of ${CATEGORIES.join(', ')}`}`,
    );
  return found;
}
