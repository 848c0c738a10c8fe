import { isOfficialLawText } from '../domain/official-law-text.js';
import type { RuleRecord } from '../domain/rule-set.js';
import type { Citation } from '../domain/schema/definitions.js';
import type { Delegation } from '../domain/schema/files.js';
import type { CoverageLevel } from '../domain/vocabulary.js';
import { delegationRuleId, noProvisionRuleId } from './delegation-rule.js';

/**
 * A state's coverage level, derived from its sources (docs/rule-model.md, "Coverage, derived"):
 * `none` when it has no rule; `reviewed` when its delegation block (provision or finding) cites an
 * official source and every other law rule cites the official text of the law; `partial` otherwise.
 * The rule built from the delegation block is judged by the first test, not the second: a finding
 * may rest on a board's own page.
 */
export function deriveCoverage(
  code: string,
  delegation: Pick<Delegation, 'cites'> | undefined,
  rules: readonly Pick<RuleRecord, 'id' | 'basis' | 'cites'>[],
  citation: (id: string) => Pick<Citation, 'kind' | 'source'> | undefined,
): CoverageLevel {
  if (rules.length === 0) return 'none';
  const cited = (ids: readonly string[]) => ids.flatMap((id) => citation(id) ?? []);
  const fromBlock = new Set([delegationRuleId(code), noProvisionRuleId(code)]);
  const delegationOfficial = delegation !== undefined && cited(delegation.cites).some((c) => c.source === 'official');
  const lawOfficial = rules
    .filter((r) => r.basis === 'law' && !fromBlock.has(r.id))
    .every((r) => cited(r.cites).some(isOfficialLawText));
  return delegationOfficial && lawOfficial ? 'reviewed' : 'partial';
}
