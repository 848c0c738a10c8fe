import { type Command, Option } from 'commander';
import { MATRIX_AXES, type MatrixAxis } from '../../domain/matrix.js';
import { MATRIX_FORMATS, type MatrixFormat, renderMatrix } from '../../format/matrix-formats.js';
import { PLAIN } from '../../format/paint.js';
import { matrix } from '../../space/matrix.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import { collectList } from '../options.js';
import { ruleLocation } from '../rule-location.js';
import { addSpaceOptions, resolveSpaceOptions, type SpaceCliOptions } from '../space-options.js';
import { loadPaint } from '../start/load-paint.js';

interface MatrixCliOptions extends SpaceCliOptions {
  by: MatrixAxis;
  format: MatrixFormat;
  rules?: string[];
}

/** `ma-check matrix`: tasks × states (or credentials, or supervision levels) for one profile. A report: exit 0. */
export function registerMatrix(program: Command, context: CommandContext): void {
  const command = program
    .command('matrix')
    .description('tabulate the verdict of every task in every state for one profile (a report: exit 0)');
  addSpaceOptions(command)
    .addOption(
      new Option('--by <axis>', 'what the columns range over; credential and supervision need one state')
        .choices(MATRIX_AXES)
        .default('state'),
    )
    .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList)
    .addOption(new Option('-f, --format <format>', 'output format').choices(MATRIX_FORMATS).default('text'))
    .action((options: MatrixCliOptions) => matrixAction(context, options));
}

async function matrixAction(context: CommandContext, options: MatrixCliOptions): Promise<void> {
  const { io } = context;
  const { by } = options;
  const oneState = `--by ${by} compares ${by === 'credential' ? 'credentials' : 'supervision levels'} in one state`;
  if (by !== 'state' && options.states === undefined) throw new UsageError(`${oneState}; add --states XX`);
  if (by === 'credential' && options.cert)
    throw new UsageError('--by credential puts credentials in the columns; leave out --cert');
  if (by === 'supervision' && options.supervision)
    throw new UsageError('--by supervision puts the levels in the columns; leave out --supervision');
  const { ruleSet } = await loadRuleSet(ruleLocation(context, options.rules));
  const space = resolveSpaceOptions(ruleSet, options, io.today());
  // Counted once resolved: `AK,Alaska` is one state.
  const states = space.jurisdictions ?? [];
  if (by !== 'state' && states.length !== 1)
    throw new UsageError(`${oneState}, not ${states.length} (${states.join(', ')}); give --states XX`);
  const table = matrix(ruleSet, { ...space, by });
  const paint = options.format === 'text' ? await loadPaint(io) : PLAIN;
  io.out(renderMatrix(table, options.format, paint));
}
