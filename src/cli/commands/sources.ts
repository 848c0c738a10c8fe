import type { Command } from 'commander';
import type { Citation } from '../../domain/schema/definitions.js';
import { resolveState } from '../../evaluate/resolve-query.js';
import { dataReport } from '../../evaluate/source-stats.js';
import { stateProfile } from '../../evaluate/state-profile.js';
import { dataReportCsv, dataReportJson, dataReportMarkdown, dataReportText } from '../../format/data-report.js';
import { type ListingFormat, renderListing } from '../../format/listing.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import { AS_OF_HELP, listingFormatOption } from '../options.js';
import { usageProblems } from '../query-problems.js';
import { ruleLocation } from '../rule-location.js';

/**
 * `ma-check sources`: every citation with the kind of source it is; `--stats`, the data report
 * (per state and overall: citations by kind, law rules citing official text, how many decisions a
 * state rule determines, review dates).
 */
export function registerSources(program: Command, context: CommandContext): void {
  program
    .command('sources')
    .description(
      'list the citations with their kind of source (official, copy, commentary); --stats for the data report',
    )
    .option('-s, --state <state>', 'only the citations one jurisdiction uses')
    .option('--stats', 'the data report: source quality and how much the rules decide, per state and overall')
    .option('--as-of <date>', `with --stats: decide with the rules in force on this date (${AS_OF_HELP})`)
    .addOption(listingFormatOption())
    .action(async (options: { state?: string; stats?: boolean; asOf?: string; format: ListingFormat }) => {
      const { ruleSet } = await loadRuleSet(ruleLocation(context));
      const { io } = context;
      if (options.stats) {
        if (options.state)
          throw new UsageError('--stats reports every jurisdiction; leave out --state (or see `ma-check state XX`)');
        const report = dataReport(ruleSet, checkDate(options.asOf) ?? io.today());
        const render = { text: dataReportText, markdown: dataReportMarkdown, csv: dataReportCsv, json: dataReportJson }[
          options.format
        ];
        io.out(render(report));
        return;
      }
      if (options.asOf) throw new UsageError('--as-of applies to --stats only');
      let citations = [...ruleSet.citations.values()];
      if (options.state) {
        const resolved = resolveState(ruleSet, options.state);
        if (!resolved.ok) throw new UsageError(usageProblems(resolved.problems));
        if (resolved.code === 'US')
          throw new UsageError("'US' is the national baseline, not a state; leave out --state for every source");
        citations = stateProfile(ruleSet, resolved.code).citations;
      }
      citations.sort((a, b) => a.id.localeCompare(b.id));
      io.out(
        renderListing<Citation>(
          {
            key: 'citations',
            items: citations,
            columns: [
              { header: 'id', value: (c) => c.id },
              { header: 'source', value: (c) => c.source },
              { header: 'kind', value: (c) => c.kind },
              { header: 'read', value: (c) => c.reviewed },
              { header: 'section or title', value: (c) => c.section ?? c.title },
            ],
            json: (c) => c,
          },
          options.format,
        ),
      );
    });
}
