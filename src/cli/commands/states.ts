import { type Command, Option } from 'commander';
import type { ListingFormat } from '../../format/listing.js';
import type { CommandContext } from '../context.js';
import { AS_OF_HELP, listingFormatOption } from '../options.js';
import { STATE_FORMATS, stateAction, statesAction } from '../start/state-actions.js';

/** `ma-check states` and `ma-check state XX`: coverage at a glance, and one jurisdiction in full. */
export function registerStates(program: Command, context: CommandContext): void {
  program
    .command('states')
    .description(
      'list the 50 states and DC: coverage, review date, rules, law rules citing an official source, tasks a state rule decides (of 29)',
    )
    .addOption(listingFormatOption())
    .option('--as-of <date>', `decide the measuring profile with the rules in force on this date (${AS_OF_HELP})`)
    .action((options: { format: ListingFormat; asOf?: string }) => statesAction(context, options));

  program
    .command('state')
    .description('show one jurisdiction: delegators, credentials, rules by task, conflicts, sources')
    .argument('<state>', 'state code or name: WA, Washington')
    .addOption(new Option('-f, --format <format>', 'output format').choices(STATE_FORMATS).default('text'))
    .action((name: string, options: { format: (typeof STATE_FORMATS)[number] }) => stateAction(context, name, options));
}
