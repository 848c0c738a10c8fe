import type { Diagnostic } from '../domain/diagnostic.js';
import { DIAGNOSTIC_CODES, type RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import { isStateCode } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import type { LoadedCase } from './load-cases.js';
import { type DataPath, toPointer } from './source-map.js';

/**
 * A name in a case's query that matches nothing, as the evaluator's resolver reports it: the query
 * field, the value as written, the message and the closest names. The caller resolves (the rules
 * layer does not reach the evaluator), so a case is checked by the very rules `test` applies.
 */
export interface QueryNameProblem {
  field: string;
  value: string;
  message: string;
  suggestions: readonly string[];
  code: string;
}

/**
 * The rules the evaluator itself supplies when the data cannot answer
 * (src/evaluate/jurisdiction-rules.ts): a case may expect them, and no file defines them.
 */
const isJurisdictionRule = (id: string): boolean =>
  id === 'US/state-not-given' || (id.endsWith('/coverage-gap') && isStateCode(id.slice(0, id.indexOf('/'))));

const asRuleCode = (code: string): RuleDiagnosticCode =>
  Object.hasOwn(DIAGNOSTIC_CODES, code) ? (code as RuleDiagnosticCode) : 'invalid-value';

/**
 * Every id a case names, checked against the rule set, so `validate` catches what `test` would
 * only show as a failing case: its `source`, the rules of `expect.determinedBy`, the citations of
 * `expect.citations`, an expected condition's id, and the names of its query (task, credentials,
 * trainings, delegator, setting, confirmed and denied conditions). Each finding is at the id, with
 * the closest known ids.
 */
export function checkCaseReferences(
  ruleSet: RuleSet,
  cases: readonly LoadedCase[],
  queryProblems: (c: LoadedCase) => readonly QueryNameProblem[],
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (c: LoadedCase, code: RuleDiagnosticCode, path: DataPath, message: string) =>
    diagnostics.push({
      code,
      severity: 'error',
      file: c.file,
      ...c.locate(path),
      pointer: toPointer(['cases', c.index, ...path]),
      ruleId: c.case.id,
      message: `case ${c.case.id}: ${message}`,
    });
  const unknown = (
    c: LoadedCase,
    code: RuleDiagnosticCode,
    what: string,
    known: ReadonlySet<string> | ReadonlyMap<string, unknown>,
    id: string,
    path: DataPath,
  ) => {
    const hint = didYouMean(id, known.keys());
    report(c, code, path, `unknown ${what} '${id}'${hint ? `; ${hint}` : ''}`);
  };

  for (const c of cases) {
    const { source, query, expect } = c.case;
    if (!ruleSet.citations.has(source))
      unknown(c, 'unknown-citation', 'citation', ruleSet.citations, source, ['source']);
    expect.determinedBy?.forEach((id, i) => {
      if (!ruleSet.rules.has(id) && !isJurisdictionRule(id))
        unknown(c, 'unknown-rule', 'rule', ruleSet.rules, id, ['expect', 'determinedBy', i]);
    });
    expect.citations?.forEach((id, i) => {
      if (!ruleSet.citations.has(id))
        unknown(c, 'unknown-citation', 'citation', ruleSet.citations, id, ['expect', 'citations', i]);
    });
    expect.conditions?.forEach((want, i) => {
      if (want.kind === 'condition' && typeof want.requires === 'string' && !ruleSet.conditions.has(want.requires))
        unknown(c, 'unknown-condition', 'condition', ruleSet.conditions, want.requires, [
          'expect',
          'conditions',
          i,
          'requires',
        ]);
    });
    for (const problem of queryProblems(c)) {
      const written = (query as Record<string, unknown>)[problem.field];
      const index = Array.isArray(written) ? written.indexOf(problem.value) : -1;
      const path = index >= 0 ? ['query', problem.field, index] : ['query', problem.field];
      const hint = problem.suggestions.length
        ? `; did you mean ${problem.suggestions.map((s) => `'${s}'`).join(' or ')}?`
        : '';
      report(c, asRuleCode(problem.code), path, `${problem.message}${hint}`);
    }
  }
  return diagnostics;
}
