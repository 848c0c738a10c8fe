import type { ConditionTree, FactStatus } from '../domain/decision.js';
import type { RuleRecord } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { stricter, type Verdict } from '../domain/verdict.js';
import type { Basis } from '../domain/vocabulary.js';
import type { Facts } from './facts.js';
import { statusOf } from './requirement-status.js';

/** A requirement entry the facts did not meet, and what it does to the verdict. */
export interface Finding {
  /** `null` for the jurisdiction condition of a rule the evaluator supplies. */
  entry: Requirement | null;
  supplied?: ConditionTree | null;
  status: Exclude<FactStatus, 'met'>;
  /** The verdict this entry alone brings about. */
  effect: Verdict;
}

export interface RuleOutcome {
  outcome: Verdict;
  findings: Finding[];
}

/** An unmet requirement: guidance discourages, law and policy prohibit (docs/design.md). */
const UNMET_EFFECT: Readonly<Record<Basis, Verdict>> = {
  guidance: 'discouraged',
  law: 'prohibited',
  policy: 'prohibited',
};

/**
 * One rule's outcome. An explicit verdict stands unless every `unless` entry is met (its entries
 * are then the way out); each `requires` entry that is unknown makes the answer conditional, and
 * each that is unmet brings the basis's severity.
 */
export function ruleOutcome(rule: RuleRecord, facts: Facts): RuleOutcome {
  let outcome: Verdict = 'allowed';
  const findings: Finding[] = [];
  if (rule.verdict) {
    const unless = rule.unless ?? [];
    for (const entry of unless) {
      const status = statusOf(entry, facts);
      if (status !== 'met') findings.push({ entry, status, effect: rule.verdict });
    }
    // Lifted only when there is a way out and every entry of it is met (no finding so far).
    if (unless.length === 0 || findings.length > 0) outcome = rule.verdict;
  }
  const requires = rule.requires ?? [];
  for (let i = 0; i < requires.length; i++) {
    const status = statusOf(requires[i]!, facts);
    if (status === 'met') continue;
    const effect = status === 'unknown' ? 'conditional' : UNMET_EFFECT[rule.basis];
    outcome = stricter(outcome, effect);
    findings.push({ entry: requires[i]!, status, effect });
  }
  return { outcome, findings };
}
