import type { Decision } from '../domain/decision.js';
import type { Case } from '../domain/schema/case-file.js';
import type { Evaluator } from './evaluator.js';

/** One way a decision differs from what the case expects. */
export interface CaseFailure {
  field: string;
  expected: string;
  actual: string;
}

export interface CaseResult {
  id: string;
  passed: boolean;
  failures: CaseFailure[];
  decision: Decision | null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

const deepEqual = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs one case: the verdict must match exactly, `determinedBy` as a set, and every expected
 * condition and citation must appear in the decision.
 */
export function checkCase(evaluator: Evaluator, c: Case, asOf: string | undefined): CaseResult {
  const fail = (failures: CaseFailure[], decision: Decision | null = null): CaseResult => ({
    id: c.id,
    passed: failures.length === 0,
    failures,
    decision,
  });
  if (!asOf)
    return fail([{ field: 'asOf', expected: 'a pinned date (on the case, its query or the file)', actual: 'none' }]);
  if (!evaluator.ruleSet.citations.has(c.source))
    return fail([{ field: 'source', expected: 'a known citation id', actual: c.source }]);
  const { asOf: _ignored, ...query } = c.query;
  const resolved = evaluator.resolve({ ...query, asOf });
  if (!resolved.ok)
    return fail(
      resolved.problems.map((p) => ({ field: `query.${p.field}`, expected: 'a known name', actual: p.message })),
    );
  const decision = evaluator.evaluate(resolved.query);
  const failures: CaseFailure[] = [];
  const { expect } = c;
  if (decision.verdict !== expect.verdict)
    failures.push({ field: 'verdict', expected: expect.verdict, actual: decision.verdict });
  if (expect.determinedBy && !sameSet(expect.determinedBy, decision.determinedBy)) {
    failures.push({
      field: 'determinedBy',
      expected: `[${expect.determinedBy.join(', ')}]`,
      actual: `[${decision.determinedBy.join(', ')}]`,
    });
  }
  for (const want of expect.conditions ?? []) {
    const found = decision.conditions.some(
      (got) =>
        got.kind === want.kind &&
        (want.requires === undefined || ('requires' in got && deepEqual(got.requires, want.requires))) &&
        (want.status === undefined || got.status === want.status),
    );
    if (!found) {
      const got = decision.conditions
        .map((g) => `${g.kind}:${'requires' in g ? JSON.stringify(g.requires) : 'group'}:${g.status}`)
        .join(', ');
      failures.push({ field: 'conditions', expected: `one like ${JSON.stringify(want)}`, actual: `[${got}]` });
    }
  }
  const cited = decision.citations.map((x) => x.id);
  for (const id of expect.citations ?? [])
    if (!cited.includes(id))
      failures.push({ field: 'citations', expected: `'${id}' among them`, actual: `[${cited.join(', ')}]` });
  return fail(failures, decision);
}
