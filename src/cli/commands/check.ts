import { type Command, Option } from 'commander';
import { SUPERVISION_LEVELS } from '../../domain/vocabulary.js';
import type { CommandContext } from '../context.js';
import { AS_OF_HELP, collectFacts, collectList } from '../options.js';
import { CHECK_FORMATS, type CheckOptions, checkAction } from '../start/check-action.js';

/** `ma-check [check] <task>`: one decision, its exit code the verdict (docs/design.md). */
export function registerCheck(program: Command, context: CommandContext): void {
  program
    .command('check', { isDefault: true })
    .description('decide whether an MA may perform <task> (the default command)')
    .argument('<task>', "task id or alias, e.g. iv-insertion or start-iv (see 'ma-check tasks')")
    .option(
      '-s, --state <codes>',
      'state(s) where the task is done: AK, Alaska, CA,NV; US for the national baseline alone',
      collectList,
    )
    .option('-c, --cert <ids>', "credentials held: CMA,RMA; 'none'; end with ... for 'at least these'", collectFacts)
    .addOption(new Option('--supervision <level>', 'where the delegating practitioner is').choices(SUPERVISION_LEVELS))
    .option('-t, --training <ids>', "trainings completed; 'none'; end with ... for 'at least these'", collectFacts)
    .option('-d, --delegator <role>', 'who delegates: physician, pa, np, podiatrist…')
    .option('--setting <id>', 'where the work happens: physician-office, hospital-inpatient…')
    .option('--confirm <ids>', 'conditions known to hold', collectFacts)
    .option('--deny <ids>', 'conditions known not to hold', collectFacts)
    .option('--as-of <date>', `evaluate the rules in force on this date (${AS_OF_HELP})`)
    .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList)
    .addOption(new Option('-f, --format <format>', 'output format').choices(CHECK_FORMATS).default('text'))
    .option('--explain', 'show how each rule and requirement was evaluated')
    .option('-q, --quiet', 'print only the verdict')
    .action((taskName: string, options: CheckOptions) => checkAction(context, taskName, options));
}
