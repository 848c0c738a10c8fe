import type { Decision } from '../domain/decision.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Case } from '../domain/schema/case-file.js';
import { evaluate } from './evaluate.js';
import { resolveQuery } from './resolve-query.js';

export interface CaseResult {
  id: string;
  passed: boolean;
  /** What differs between the expectation and the decision, one line each. */
  failures: string[];
  decision: Decision | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs one case: the verdict must match exactly, `determinedBy` as a set, and every expected
 * condition and citation must appear in the decision.
 */
export function checkCase(ruleSet: RuleSet, c: Case, asOf: string | undefined): CaseResult {
  const fail = (failures: string[], decision: Decision | null = null): CaseResult => ({ id: c.id, passed: failures.length === 0, failures, decision });
  if (!asOf) return fail(['the case pins no asOf (set it on the case, its query or the file)']);
  if (!ruleSet.citations.has(c.source)) return fail([`source '${c.source}' is not a known citation`]);
  const { asOf: _ignored, ...query } = c.query;
  const resolved = resolveQuery(ruleSet, { ...query, asOf });
  if (!resolved.ok) return fail(resolved.problems.map((p) => `query: ${p.message}`));
  const decision = evaluate(ruleSet, resolved.query);
  const failures: string[] = [];
  const { expect } = c;
  if (decision.verdict !== expect.verdict) failures.push(`verdict: expected ${expect.verdict}, got ${decision.verdict}`);
  if (expect.determinedBy && !sameSet(expect.determinedBy, decision.determinedBy)) {
    failures.push(`determinedBy: expected [${expect.determinedBy.join(', ')}], got [${decision.determinedBy.join(', ')}]`);
  }
  for (const want of expect.conditions ?? []) {
    const found = decision.conditions.some(
      (got) =>
        got.kind === want.kind &&
        (want.requires === undefined || ('requires' in got && deepEqual(got.requires, want.requires))) &&
        (want.status === undefined || got.status === want.status),
    );
    if (!found) failures.push(`conditions: expected ${JSON.stringify(want)} among [${decision.conditions.map((g) => `${g.kind}:${'requires' in g ? JSON.stringify(g.requires) : 'group'}:${g.status}`).join(', ')}]`);
  }
  const cited = decision.citations.map((x) => x.id);
  for (const id of expect.citations ?? []) if (!cited.includes(id)) failures.push(`citations: expected '${id}' among the decision's citations`);
  return fail(failures, decision);
}
