import { SUPERVISION_LEVELS } from '../../domain/vocabulary.js';
import { LISTING_FORMATS, type ListingFormat } from '../../format/listing.js';
import type { CommandContext } from '../context.js';
import { credentialsAction, tasksAction } from './browse-actions.js';
import { CHECK_FORMATS, type CheckOptions, checkAction } from './check-action.js';
import { STATE_FORMATS, stateAction, statesAction } from './state-actions.js';

/**
 * An option of a command the fast start runs, described as its commander definition in
 * commands/*.ts has it (a test holds the two together).
 */
export interface FastOption {
  /** The option's key in the options object commander builds: `asOf` for `--as-of`. */
  key: string;
  long: string;
  short?: string;
  /** A comma-separated list that may be repeated, a single value given at most once, or a flag. */
  takes: 'list' | 'value' | 'flag';
  choices?: readonly string[];
  default?: string;
}

/** A command the fast start runs without commander: its operands, its options and its action. */
export interface FastCommand {
  name: string;
  /** The command that runs when the first word names no command (`check`). */
  isDefault: boolean;
  /** How many operands it takes, each required: `check <task>` one. */
  operands: number;
  options: readonly FastOption[];
  /** The action commander would call, with the operands and options commander would give it. */
  run(context: CommandContext, operands: readonly string[], options: Record<string, unknown>): Promise<void>;
}

const format = (choices: readonly string[]): FastOption => ({
  key: 'format',
  long: '--format',
  short: '-f',
  takes: 'value',
  choices,
  default: 'text',
});
const asOf: FastOption = { key: 'asOf', long: '--as-of', takes: 'value' };

/**
 * The commands a check or a look-up runs, with the options they take. Anything else (`--rules`,
 * `--help`, `validate`…) is left to commander.
 */
export const FAST_COMMANDS: readonly FastCommand[] = [
  {
    name: 'check',
    isDefault: true,
    operands: 1,
    options: [
      { key: 'state', long: '--state', short: '-s', takes: 'list' },
      { key: 'cert', long: '--cert', short: '-c', takes: 'list' },
      { key: 'supervision', long: '--supervision', takes: 'value', choices: SUPERVISION_LEVELS },
      { key: 'training', long: '--training', short: '-t', takes: 'list' },
      { key: 'delegator', long: '--delegator', short: '-d', takes: 'value' },
      { key: 'setting', long: '--setting', takes: 'value' },
      { key: 'confirm', long: '--confirm', takes: 'list' },
      { key: 'deny', long: '--deny', takes: 'list' },
      asOf,
      format(CHECK_FORMATS),
      { key: 'explain', long: '--explain', takes: 'flag' },
      { key: 'quiet', long: '--quiet', short: '-q', takes: 'flag' },
    ],
    run: (context, [task], options) => checkAction(context, task!, options as unknown as CheckOptions),
  },
  {
    name: 'tasks',
    isDefault: false,
    operands: 0,
    options: [format(LISTING_FORMATS)],
    run: (context, _, options) => tasksAction(context, options as { format: ListingFormat }),
  },
  {
    name: 'credentials',
    isDefault: false,
    operands: 0,
    options: [format(LISTING_FORMATS)],
    run: (context, _, options) => credentialsAction(context, options as { format: ListingFormat }),
  },
  {
    name: 'states',
    isDefault: false,
    operands: 0,
    options: [format(LISTING_FORMATS), asOf],
    run: (context, _, options) => statesAction(context, options as { format: ListingFormat; asOf?: string }),
  },
  {
    name: 'state',
    isDefault: false,
    operands: 1,
    options: [format(STATE_FORMATS)],
    run: (context, [name], options) =>
      stateAction(context, name!, options as { format: (typeof STATE_FORMATS)[number] }),
  },
];
