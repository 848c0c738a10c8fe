import { describe, expect, test } from 'vitest';
import { AuditTally } from '../../src/audit/audit-tally.js';
import type { AuditDecision } from '../../src/domain/audit.js';
import type { Decision } from '../../src/domain/decision.js';
import { VERDICTS } from '../../src/domain/verdict.js';

/** A stand-in decision with what the tally reads: its verdict, task and states. */
function decision(i: number): Decision {
  const verdict = VERDICTS[i % VERDICTS.length]!;
  const states = i % 5 === 0 ? [] : [{ state: `S${i % 7}`, verdict, determinedBy: [] }];
  return { verdict, task: { id: `t${i % 11}`, name: '' }, byState: states } as unknown as Decision;
}
const item = (d: Decision): AuditDecision => ({ type: 'decision', staffId: 'A', name: null, line: 1, decision: d });

describe('the tally', () => {
  test('counts as many distinct decisions as come, many times each, as counting them one by one would', () => {
    // More distinct decisions than it counts one by one before bringing its totals up to date.
    const decisions = Array.from({ length: 10_000 }, (_, i) => decision(i));
    const tally = new AuditTally();
    const expected = { decisions: 0, byVerdict: {} as Record<string, number>, byState: {} as Record<string, number> };
    for (let round = 0; round < 3; round++)
      for (const [i, d] of decisions.entries()) {
        if ((i + round) % 3 === 0) continue;
        tally.add(item(d));
        expected.decisions++;
        expected.byVerdict[d.verdict] = (expected.byVerdict[d.verdict] ?? 0) + 1;
        const state = d.byState[0]?.state ?? 'not-given';
        expected.byState[state] = (expected.byState[state] ?? 0) + 1;
      }
    const summary = tally.result(10_000);
    expect(summary.decisions).toBe(expected.decisions);
    expect(summary.byVerdict).toEqual(expected.byVerdict);
    expect(
      Object.fromEntries(
        Object.entries(summary.byState).map(([s, c]) => [s, Object.values(c).reduce((a, b) => a + b)]),
      ),
    ).toEqual(expected.byState);
    expect(Object.keys(summary.byTask)).toEqual([...Object.keys(summary.byTask)].sort());
    // Asking again gives the same counts: nothing is counted twice.
    expect(tally.result(10_000)).toEqual(summary);
  });
});
