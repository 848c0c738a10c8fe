import { type Command, Option } from 'commander';
import type { QueryInput } from '../../domain/query.js';
import { SUPERVISION_LEVELS } from '../../domain/vocabulary.js';
import { evaluate } from '../../evaluate/evaluate.js';
import { explain } from '../../evaluate/explain.js';
import { resolveQuery } from '../../evaluate/resolve-query.js';
import { decisionJson } from '../../format/decision-json.js';
import { decisionMarkdown } from '../../format/decision-markdown.js';
import { decisionText } from '../../format/decision-text.js';
import { explainText } from '../../format/explain-text.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { CHECK_EXIT } from '../exit-codes.js';
import { loadRuleSet } from '../load-rule-set.js';
import { AS_OF_HELP, collectFacts, collectList } from '../options.js';
import { paintFor } from '../paint.js';
import { usageProblems } from '../query-problems.js';
import { ruleLocation } from '../rule-location.js';

const CHECK_FORMATS = ['text', 'json', 'yaml', 'markdown'] as const;

interface CheckOptions {
  state?: string[];
  cert?: string[];
  supervision?: string;
  training?: string[];
  delegator?: string;
  setting?: string;
  confirm?: string[];
  deny?: string[];
  asOf?: string;
  rules?: string[];
  format: (typeof CHECK_FORMATS)[number];
  explain?: boolean;
  quiet?: boolean;
}

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
    .action(async (taskName: string, options: CheckOptions) => {
      if (options.explain && (options.quiet || options.format !== 'text')) {
        throw new UsageError('--explain prints a text trace; use it with --format text and without --quiet');
      }
      // A script that asks for JSON must not get a bare word it cannot parse.
      if (options.quiet && options.format !== 'text')
        throw new UsageError(
          `--quiet prints only the verdict, as plain text; leave out --quiet or --format ${options.format}`,
        );
      const { ruleSet } = await loadRuleSet(ruleLocation(context, options.rules));
      const input: QueryInput = {
        task: taskName,
        states: options.state ?? null,
        credentials: options.cert ?? null,
        supervision: options.supervision ?? null,
        trainings: options.training ?? null,
        delegator: options.delegator ?? null,
        setting: options.setting ?? null,
        confirmed: options.confirm ?? [],
        denied: options.deny ?? [],
        asOf: options.asOf ?? context.io.today(),
      };
      const resolved = resolveQuery(ruleSet, input);
      if (!resolved.ok) throw new UsageError(usageProblems(resolved.problems));
      const decision = evaluate(ruleSet, resolved.query);
      const { io } = context;
      if (options.quiet) io.out(`${decision.verdict}\n`);
      else if (options.format === 'json') io.out(decisionJson(decision));
      else if (options.format === 'yaml')
        io.out((await import('../heavy.js')).yamlStringify(decision, { lineWidth: 0 }));
      else if (options.format === 'markdown') io.out(decisionMarkdown(decision));
      else {
        const paint = paintFor(io);
        io.out(decisionText(decision, paint));
        if (options.explain) io.out(`\n${explainText(explain(ruleSet, resolved.query), paint)}`);
      }
      context.exitCode = CHECK_EXIT[decision.verdict];
    });
}
