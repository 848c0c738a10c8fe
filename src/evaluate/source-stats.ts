import { STATES } from '../domain/jurisdictions.js';
import { isOfficialLawText } from '../domain/official-law-text.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Citation } from '../domain/schema/definitions.js';
import { type DataReport, FIXED_PROFILE, type SourceStats } from '../domain/source-stats.js';
import { stateCitationIds, stateReviewDays } from '../domain/state-sources.js';
import { CITATION_SOURCES, type CitationSource, STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';
import { evaluate } from './evaluate.js';

/**
 * The profile whose answers measure how much of a state the rules decide: a CMA, supervised
 * directly, delegated by a physician. Its verdicts say nothing in themselves; what counts is
 * whether a state rule is among the determining ones.
 */
const countBy = (citations: readonly Citation[]): Record<CitationSource, number> => {
  const out = Object.fromEntries(CITATION_SOURCES.map((q) => [q, 0])) as Record<CitationSource, number>;
  for (const c of citations) out[c.source]++;
  return out;
};

/** Source statistics for one jurisdiction, deciding the fixed profile's state-governed tasks as of a date. */
export function sourceStats(ruleSet: RuleSet, code: string, asOf: string): SourceStats {
  const state = ruleSet.states.get(code);
  const rules = ruleSet.data.rules.filter((r) => r.layer === 'state' && r.owner === code);
  const citation = (id: string) => ruleSet.citations.get(id);
  const cited = (ids: readonly string[]) => ids.flatMap((id) => citation(id) ?? []);
  const citations = stateCitationIds(state, rules).flatMap((id) => citation(id) ?? []);
  const law = rules.filter((r) => r.basis === 'law');

  const governed = [...ruleSet.tasks.values()].filter((t) => STATE_GOVERNED_CATEGORIES.includes(t.category));
  const canAsk = ruleSet.credentials.has('CMA') && ruleSet.roles.has('physician');
  let determined = 0;
  for (const task of canAsk ? governed : []) {
    const query: Query = {
      task: task.id,
      states: [code],
      trainings: null,
      setting: null,
      confirmed: [],
      denied: [],
      asOf,
      ...FIXED_PROFILE,
      credentials: [...FIXED_PROFILE.credentials],
    };
    const decision = evaluate(ruleSet, query);
    // The coverage gap is the evaluator's, not a rule of the state's.
    if (decision.determinedBy.some((id) => id.startsWith(`${code}/`) && id !== `${code}/coverage-gap`)) determined++;
  }

  return {
    code,
    name: state?.name ?? STATES[code] ?? code,
    coverage: state?.coverage ?? 'none',
    citations: countBy(citations),
    lawRules: law.length,
    lawRulesOfficial: law.filter((r) => cited(r.cites).some((c) => c.source === 'official')).length,
    lawRulesOfficialText: law.filter((r) => cited(r.cites).some(isOfficialLawText)).length,
    lawRulesCommentaryOnly: law.filter((r) => cited(r.cites).every((c) => c.source === 'commentary')).map((r) => r.id),
    delegation: state?.delegation ? (state.delegation.none ? 'none' : 'provision') : 'missing',
    stateDetermined: determined,
    stateGoverned: canAsk ? governed.length : 0,
    reviewDays: stateReviewDays(state, rules, citation),
  };
}

/** Source statistics for every state and DC, and overall. */
export function dataReport(ruleSet: RuleSet, asOf: string): DataReport {
  const states = Object.keys(STATES)
    .sort()
    .map((code) => sourceStats(ruleSet, code, asOf));
  const sum = (f: (s: SourceStats) => number) => states.reduce((n, s) => n + f(s), 0);
  const allCitations = [...ruleSet.citations.values()];
  const allRules = [...ruleSet.rules.values()];
  const days: Record<string, number> = {};
  for (const day of [...allCitations.map((c) => c.reviewed), ...allRules.flatMap((r) => r.reviewed ?? [])].sort())
    days[day] = (days[day] ?? 0) + 1;
  return {
    asOf,
    profile: FIXED_PROFILE,
    states,
    overall: {
      citations: countBy(allCitations),
      lawRules: sum((s) => s.lawRules),
      lawRulesOfficial: sum((s) => s.lawRulesOfficial),
      lawRulesOfficialText: sum((s) => s.lawRulesOfficialText),
      lawRulesCommentaryOnly: states.flatMap((s) => s.lawRulesCommentaryOnly),
      delegation: {
        provision: states.filter((s) => s.delegation === 'provision').length,
        none: states.filter((s) => s.delegation === 'none').length,
        missing: states.filter((s) => s.delegation === 'missing').length,
      },
      stateDetermined: sum((s) => s.stateDetermined),
      stateGoverned: sum((s) => s.stateGoverned),
      reviewDays: days,
    },
  };
}
