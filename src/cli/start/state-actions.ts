import { STATES } from '../../domain/jurisdictions.js';
import type { SourceStats } from '../../domain/source-stats.js';
import type { StateProfile } from '../../domain/state-profile.js';
import { resolveState } from '../../evaluate/resolve-query.js';
import { sourceStats } from '../../evaluate/source-stats.js';
import { stateProfile } from '../../evaluate/state-profile.js';
import { type ListingFormat, renderListing } from '../../format/listing.js';
import { stateProfileMarkdown, stateProfileText } from '../../format/state-profile-text.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import { usageProblems } from '../query-problems.js';
import { ruleLocation } from '../rule-location.js';
import { loadPaint } from './load-paint.js';

export const STATE_FORMATS = ['text', 'json', 'markdown'] as const;

/** What `ma-check states` does once its command line is parsed (shared by commander and the fast start). */
export async function statesAction(
  context: CommandContext,
  options: { format: ListingFormat; asOf?: string },
): Promise<void> {
  const { ruleSet } = await loadRuleSet(ruleLocation(context));
  const asOf = checkDate(options.asOf) ?? context.io.today();
  const rows = Object.keys(STATES)
    .sort()
    .map((code) => ({ profile: stateProfile(ruleSet, code), stats: sourceStats(ruleSet, code, asOf) }));
  context.io.out(
    renderListing<{ profile: StateProfile; stats: SourceStats }>(
      {
        key: 'states',
        items: rows,
        columns: [
          { header: 'code', value: ({ profile }) => profile.code },
          { header: 'name', value: ({ profile }) => profile.name },
          { header: 'coverage', value: ({ profile }) => profile.coverage },
          { header: 'reviewed', value: ({ profile }) => profile.reviewed ?? '' },
          { header: 'rules', value: ({ profile }) => String(profile.rules.length) },
          // Plain counts, not "3/5": a spreadsheet would read a ratio as a date.
          { header: 'law rules', value: ({ stats }) => String(stats.lawRules) },
          { header: 'official source', value: ({ stats }) => String(stats.lawRulesOfficial) },
          { header: 'state-determined', value: ({ stats }) => String(stats.stateDetermined) },
        ],
        json: ({ profile, stats }) => ({
          code: profile.code,
          name: profile.name,
          coverage: profile.coverage,
          reviewed: profile.reviewed,
          rules: profile.rules.length,
          delegators: profile.delegators,
          exclusive: profile.delegation?.exclusive ?? false,
          delegation: stats.delegation,
          citations: stats.citations,
          lawRules: stats.lawRules,
          lawRulesOfficial: stats.lawRulesOfficial,
          lawRulesOfficialText: stats.lawRulesOfficialText,
          stateDetermined: stats.stateDetermined,
          stateGoverned: stats.stateGoverned,
        }),
      },
      options.format,
    ),
  );
}

/** What `ma-check state <state>` does once its command line is parsed. */
export async function stateAction(
  context: CommandContext,
  name: string,
  options: { format: (typeof STATE_FORMATS)[number] },
): Promise<void> {
  const { ruleSet } = await loadRuleSet(ruleLocation(context));
  const resolved = resolveState(ruleSet, name);
  if (!resolved.ok) throw new UsageError(usageProblems(resolved.problems));
  const { code } = resolved;
  if (code === 'US') throw new UsageError("'US' is the national baseline, not a state; see 'ma-check tasks'");
  const profile = stateProfile(ruleSet, code);
  const { io } = context;
  if (options.format === 'json') io.out(`${JSON.stringify({ schemaVersion: 1, state: profile }, null, 2)}\n`);
  else if (options.format === 'markdown') io.out(stateProfileMarkdown(profile));
  else io.out(stateProfileText(profile, await loadPaint(io)));
}
