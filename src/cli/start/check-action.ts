import type { QueryInput } from '../../domain/query.js';
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
import { type ProfileCliOptions, profileInput } from '../profile-input.js';
import { usageProblems } from '../query-problems.js';
import { ruleLocation } from '../rule-location.js';
import { loadPaint } from './load-paint.js';

export const CHECK_FORMATS = ['text', 'json', 'yaml', 'markdown'] as const;

/** The options of `check`, as commander gives them to the action (and the fast start builds them). */
export interface CheckOptions extends ProfileCliOptions {
  state?: string[];
  asOf?: string;
  rules?: string[];
  format: (typeof CHECK_FORMATS)[number];
  explain?: boolean;
  quiet?: boolean;
}

/**
 * What `check` does once its command line is parsed: one decision, its exit code the verdict.
 * Kept apart from commander so that the fast start (fast-main.ts) runs the very same code.
 */
export async function checkAction(context: CommandContext, taskName: string, options: CheckOptions): Promise<void> {
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
    ...profileInput(options),
    asOf: options.asOf ?? context.io.today(),
  };
  const resolved = resolveQuery(ruleSet, input);
  if (!resolved.ok) throw new UsageError(usageProblems(resolved.problems));
  const decision = evaluate(ruleSet, resolved.query);
  const { io } = context;
  if (options.quiet) io.out(`${decision.verdict}\n`);
  else if (options.format === 'json') io.out(decisionJson(decision));
  else if (options.format === 'yaml') io.out((await import('../heavy.js')).yamlStringify(decision, { lineWidth: 0 }));
  else if (options.format === 'markdown') io.out(decisionMarkdown(decision));
  else {
    const paint = await loadPaint(io);
    io.out(decisionText(decision, paint));
    if (options.explain) io.out(`\n${explainText(explain(ruleSet, resolved.query), paint)}`);
  }
  context.exitCode = CHECK_EXIT[decision.verdict];
}
