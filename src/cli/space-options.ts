import { type Command, Option } from 'commander';
import type { RuleSet } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import { CATEGORIES, type Category, SUPERVISION_LEVELS } from '../domain/vocabulary.js';
import { type QueryProblem, resolveQuery } from '../evaluate/resolve-query.js';
import type { FixedProfile } from '../space/profile-grid.js';
import type { SpaceOptions } from '../space/query-space.js';
import { UsageError } from './errors.js';
import { AS_OF_HELP, collectFacts, collectList } from './options.js';
import { usageProblems } from './query-problems.js';

/** The options that pick a part of the query space (`matrix`, `export`, `diff`), as commander gives them. */
export interface SpaceCliOptions {
  tasks?: string[];
  states?: string[];
  category?: string[];
  cert?: string[];
  supervision?: string;
  training?: string[];
  delegator?: string;
  setting?: string;
  confirm?: string[];
  deny?: string[];
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
 */
export function resolveSpaceOptions(ruleSet: RuleSet, options: SpaceCliOptions, today: string): SpaceOptions {
  const asOf = options.asOf ?? today;
  const problems: QueryProblem[] = [];
  const anyTask = ruleSet.tasks.keys().next().value ?? '';
  const profile = resolveQuery(ruleSet, {
    task: anyTask,
    states: options.states ?? null,
    credentials: options.cert ?? null,
    supervision: options.supervision ?? null,
    trainings: options.training ?? null,
    delegator: options.delegator ?? null,
    setting: options.setting ?? null,
    confirmed: options.confirm ?? [],
    denied: options.deny ?? [],
    asOf,
  });
  if (!profile.ok) problems.push(...profile.problems);
  const taskIds: string[] = [];
  for (const name of options.tasks ?? []) {
    const resolved = resolveQuery(ruleSet, { task: name, asOf: '2000-01-01' });
    if (resolved.ok) taskIds.push(resolved.query.task);
    else problems.push(...resolved.problems.filter((p) => p.field === 'task'));
  }
  if (problems.length > 0) throw new UsageError(usageProblems(problems));
  const categories = options.category?.map((name) => categoryOf(name));
  if (profile.ok && profile.query.states?.includes('US'))
    throw new UsageError("--states takes states; the national baseline 'US' is not a column of the space");
  const wanted = options.tasks ? new Set(taskIds) : null;
  const tasks = [...ruleSet.tasks.values()]
    .filter((task) => (wanted === null || wanted.has(task.id)) && (!categories || categories.includes(task.category)))
    .map((task) => task.id);
  if (tasks.length === 0) throw new UsageError('no task is both in --tasks and in --category; widen one of them');
  const query = profile.ok ? profile.query : null;
  const fixed: FixedProfile = {
    ...(query?.credentials ? { credentials: query.credentials } : {}),
    ...(query?.supervision ? { supervision: query.supervision } : {}),
    ...(query?.delegator ? { delegator: query.delegator } : {}),
    ...(query?.trainings ? { trainings: query.trainings } : {}),
    ...(query?.setting ? { setting: query.setting } : {}),
    ...(query?.confirmed.length ? { confirmed: query.confirmed } : {}),
    ...(query?.denied.length ? { denied: query.denied } : {}),
  };
  return {
    asOf,
    tasks,
    ...(query?.states ? { jurisdictions: query.states } : {}),
    fixed,
  };
}

function categoryOf(name: string): Category {
  const folded = name.trim().toLowerCase();
  const found = CATEGORIES.find((c) => c === folded);
  if (found === undefined)
    throw new UsageError(
      `unknown category '${name}'; ${didYouMean(name, CATEGORIES) || `one of ${CATEGORIES.join(', ')}`}`,
    );
  return found;
}
