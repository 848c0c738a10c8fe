import type { RuleSet } from '../domain/rule-set.js';
import { nameLookups, resolveQuery } from '../evaluate/resolve-query.js';
import type { QueryNameProblem } from '../rules/check-case-references.js';
import type { LoadedCase } from '../rules/load-cases.js';

/**
 * The names in each case's query that the rule set does not know, as the evaluator's resolver
 * reports them (a case without a date of its own is resolved as of `today`; dates are not names).
 */
export function caseQueryProblems(ruleSet: RuleSet, today: string): (c: LoadedCase) => readonly QueryNameProblem[] {
  const lookups = nameLookups(ruleSet);
  return (c) => {
    const { asOf: _own, ...query } = c.case.query;
    const resolved = resolveQuery(ruleSet, { ...query, asOf: c.asOf ?? today }, lookups);
    return resolved.ok ? [] : resolved.problems.filter((p) => p.field !== 'asOf');
  };
}
