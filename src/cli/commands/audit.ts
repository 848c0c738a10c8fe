import { type Command, Option } from 'commander';
import { quoted } from '../../domain/shown-value.js';
import { suggest } from '../../domain/suggest.js';
import { VERDICTS, type Verdict } from '../../domain/verdict.js';
import { AUDIT_DETAILS, AUDIT_FORMATS, type AuditDetail, type AuditFormat } from '../../format/audit-formats.js';
import { INPUT_FORMATS, type InputFormat } from '../../roster/input-format.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { AS_OF_HELP, collectList } from '../options.js';

interface AuditOptions {
  assignments?: string;
  inputFormat?: InputFormat;
  failOn: Verdict;
  format: AuditFormat;
  detail?: AuditDetail;
  pretty?: boolean;
  output?: string;
  redact?: boolean;
  only?: string[];
  asOf?: string;
  rules?: string[];
}

/** `--only conditional,prohibited`: verdicts, any case, each checked. */
function onlyVerdicts(values: readonly string[] | undefined): Verdict[] | null {
  if (values === undefined) return null;
  return values.map((value) => {
    const verdict = VERDICTS.find((v) => v === value.toLowerCase());
    if (verdict) return verdict;
    const close = suggest(value, VERDICTS);
    throw new UsageError(
      `--only: unknown verdict ${quoted(value)}${close.length ? `; did you mean '${close[0]}'?` : ` (one of ${VERDICTS.join(', ')})`}`,
    );
  });
}

/** `ma-check audit <roster|->`: one decision per staff member and task (docs/design.md). */
export function registerAudit(program: Command, context: CommandContext): void {
  program
    .command('audit')
    .description('decide every (staff member, task) of a roster; report by verdict, state and task')
    .argument('<roster>', "roster file (CSV, JSON or NDJSON), or '-' for stdin")
    .option('--assignments <file>', "tasks from a file of (staff_id, task) rows instead of the roster's tasks column")
    .addOption(
      new Option(
        '--input-format <format>',
        'roster format (default: from the file name, else from its first bytes)',
      ).choices(INPUT_FORMATS),
    )
    .addOption(
      new Option('--fail-on <verdict>', 'exit 1 when a decision is at or above this verdict')
        .choices(VERDICTS)
        .default('prohibited'),
    )
    .addOption(new Option('-f, --format <format>', 'output format').choices(AUDIT_FORMATS).default('text'))
    .addOption(
      new Option(
        '--detail <detail>',
        'json, ndjson: each distinct decision written once, items pointing at it by id (shared, the default), or inside every item (full)',
      ).choices(AUDIT_DETAILS),
    )
    .option('--pretty', 'json: indent the document (default: compact, one line)')
    .option('-o, --output <file>', 'write the report to this file, atomically (a failed run leaves it untouched)')
    .option('--redact', 'leave names out; keep staff ids')
    .option(
      '--only <verdicts>',
      'list only decisions with these verdicts (counts and exit code still cover all)',
      collectList,
    )
    .option('--as-of <date>', `evaluate the rules in force on this date (${AS_OF_HELP})`)
    .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList)
    .action(async (roster: string, options: AuditOptions) => {
      const asOf = checkDate(options.asOf) ?? context.io.today();
      if (roster === '-' && options.assignments === '-')
        throw new UsageError("only one of the roster and --assignments can be '-' (stdin)");
      if (options.detail !== undefined && options.format !== 'json' && options.format !== 'ndjson')
        throw new UsageError(`--detail applies to --format json and ndjson, not ${options.format}`);
      if (options.pretty === true && options.format !== 'json')
        throw new UsageError(
          `--pretty applies to --format json${options.format === 'ndjson' ? ' (NDJSON is one line per record)' : ''}, not ${options.format}`,
        );
      const { runAudit } = await import('../audit-heavy.js');
      context.exitCode = await runAudit(context, {
        roster,
        assignments: options.assignments,
        inputFormat: options.inputFormat,
        format: options.format,
        detail: options.detail ?? 'shared',
        pretty: options.pretty === true,
        failOn: options.failOn,
        only: onlyVerdicts(options.only),
        output: options.output,
        redact: options.redact === true,
        asOf,
        rules: options.rules ?? [],
      });
    });
}
