import type { Command } from 'commander';
import type { ListingFormat } from '../../format/listing.js';
import type { CommandContext } from '../context.js';
import { listingFormatOption } from '../options.js';
import { credentialsAction, tasksAction } from '../start/browse-actions.js';

/** `ma-check tasks` and `ma-check credentials`: what the rules know, for people and scripts. */
export function registerBrowse(program: Command, context: CommandContext): void {
  program
    .command('tasks')
    .description('list every task id with its category, name and aliases')
    .addOption(listingFormatOption())
    .action((options: { format: ListingFormat }) => tasksAction(context, options));

  program
    .command('credentials')
    .description('list every credential id with its issuer, scope and jurisdiction')
    .addOption(listingFormatOption())
    .action((options: { format: ListingFormat }) => credentialsAction(context, options));
}
