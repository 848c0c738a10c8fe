import { type Command, Option } from 'commander';
import { STATES } from '../../domain/jurisdictions.js';
import { resolveState } from '../../evaluate/resolve-query.js';
import { type StateProfile, stateProfile } from '../../evaluate/state-profile.js';
import { type ListingFormat, renderListing } from '../../format/listing.js';
import { stateProfileMarkdown, stateProfileText } from '../../format/state-profile-text.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import type { CommandContext } from '../main.js';
import { paintFor } from '../paint.js';
import { listingFormatOption } from './browse.js';
import { usageProblems } from '../query-problems.js';
import { ruleLocation } from '../rule-location.js';

/** `ma-check states` and `ma-check state XX`: coverage at a glance, and one jurisdiction in full. */
export function registerStates(program: Command, context: CommandContext): void {
  program
    .command('states')
    .description('list the 50 states and DC with coverage, review date and number of rules')
    .addOption(listingFormatOption())
    .action(async (options: { format: ListingFormat }) => {
      const { ruleSet } = await loadRuleSet(ruleLocation(context));
      const profiles = Object.keys(STATES).sort().map((code) => stateProfile(ruleSet, code));
      context.io.out(
        renderListing<StateProfile>(
          {
            key: 'states',
            items: profiles,
            columns: [
              { header: 'code', value: (p) => p.code },
              { header: 'name', value: (p) => p.name },
              { header: 'coverage', value: (p) => p.coverage },
              { header: 'reviewed', value: (p) => p.reviewed ?? '' },
              { header: 'rules', value: (p) => String(p.rules.length) },
            ],
            json: (p) => ({ code: p.code, name: p.name, coverage: p.coverage, reviewed: p.reviewed, rules: p.rules.length, delegators: p.delegators }),
          },
          options.format,
        ),
      );
    });

  program
    .command('state')
    .description('show one jurisdiction: delegators, credentials, rules by task, conflicts, sources')
    .argument('<state>', 'state code or name: WA, Washington')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'markdown']).default('text'))
    .action(async (name: string, options: { format: 'text' | 'json' | 'markdown' }) => {
      const { ruleSet } = await loadRuleSet(ruleLocation(context));
      const resolved = resolveState(ruleSet, name);
      if (!resolved.ok) throw new UsageError(usageProblems(resolved.problems));
      const { code } = resolved;
      if (code === 'US') throw new UsageError("'US' is the national baseline, not a state; see 'ma-check tasks'");
      const profile = stateProfile(ruleSet, code);
      const { io } = context;
      if (options.format === 'json') io.out(`${JSON.stringify({ schemaVersion: 1, state: profile }, null, 2)}\n`);
      else if (options.format === 'markdown') io.out(stateProfileMarkdown(profile));
      else io.out(stateProfileText(profile, paintFor(io)));
    });
}
