import type { RuleRecord } from './rule-set.js';
import type { Citation } from './schema/definitions.js';
import type { Delegation } from './schema/files.js';
import { type CoverageLevel, LAW_TEXT_KINDS, SOURCE_QUALITIES, type SourceQuality } from './vocabulary.js';

/** The text of a statute, regulation or board rule, on its publisher's own site. */
export const isOfficialLawText = (c: Pick<Citation, 'kind' | 'source'>): boolean => c.source === 'official' && LAW_TEXT_KINDS.includes(c.kind);

/** The best kind of source among citations (official over copy over commentary); undefined for none. */
export function bestSource(citations: readonly Pick<Citation, 'source'>[]): SourceQuality | undefined {
  let best: number | undefined;
  for (const c of citations) {
    const rank = SOURCE_QUALITIES.indexOf(c.source);
    if (best === undefined || rank < best) best = rank;
  }
  return best === undefined ? undefined : SOURCE_QUALITIES[best];
}

/**
 * A state's coverage level, derived from its sources (README, "Coverage"):
 * `none` when it has no rule and no delegation finding; `reviewed` when its delegation provision (or
 * finding) cites an official source and every law rule cites the official text of the law;
 * `partial` otherwise.
 */
export function deriveCoverage(
  delegation: Pick<Delegation, 'cites'> | undefined,
  rules: readonly Pick<RuleRecord, 'basis' | 'cites'>[],
  citation: (id: string) => Pick<Citation, 'kind' | 'source'> | undefined,
): CoverageLevel {
  if (rules.length === 0 && !delegation) return 'none';
  const cited = (ids: readonly string[]) => ids.flatMap((id) => citation(id) ?? []);
  const delegationOfficial = delegation !== undefined && cited(delegation.cites).some((c) => c.source === 'official');
  const lawOfficial = rules.filter((r) => r.basis === 'law').every((r) => cited(r.cites).some(isOfficialLawText));
  return delegationOfficial && lawOfficial ? 'reviewed' : 'partial';
}
