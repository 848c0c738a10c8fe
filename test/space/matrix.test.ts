import { describe, expect, test } from 'vitest';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { matrix } from '../../src/space/matrix.js';
import { shipped } from '../helpers/load.js';

const AS_OF = '2026-11-25';

describe('matrix', () => {
  const ruleSet = shipped();

  test.each([
    { credentials: ['CMA'], supervision: 'direct', delegator: 'physician' },
    { credentials: ['RMA'], supervision: 'general', delegator: 'dentist', trainings: [] },
  ] as const)('every cell is the verdict `check` gives for the profile, unknown facts left unknown: %j', (fixed) => {
    const table = matrix(ruleSet, { asOf: AS_OF, fixed });
    expect(table.columns).toHaveLength(51);
    expect(table.rows.map((r) => r.task)).toEqual([...ruleSet.tasks.keys()]);
    for (const row of table.rows)
      row.verdicts.forEach((verdict, i) => {
        const decision = evaluate(ruleSet, {
          task: row.task,
          states: [table.columns[i]!],
          credentials: [...fixed.credentials],
          supervision: fixed.supervision,
          trainings: 'trainings' in fixed ? [] : null,
          delegator: fixed.delegator,
          setting: null,
          confirmed: [],
          denied: [],
          asOf: AS_OF,
        });
        expect(verdict, `${row.task} in ${table.columns[i]}`).toBe(decision.verdict);
      });
  });

  test('by credential: none, the national credentials and the state’s own, in one state', () => {
    const table = matrix(ruleSet, {
      asOf: AS_OF,
      by: 'credential',
      jurisdictions: ['WA'],
      tasks: ['vaccine-administration'],
    });
    expect(table.columns.slice(0, 6)).toEqual(['none', 'CCMA', 'CMA', 'CMAA', 'NCMA', 'RMA']);
    expect(table.columns).toContain('WA-MA-C');
    expect(table.columns.every((c) => c === 'none' || !c.includes('-') || c.startsWith('WA-'))).toBe(true);
    const at = (id: string) => table.rows[0]!.verdicts[table.columns.indexOf(id)];
    expect(at('none')).toBe('prohibited');
    expect(at('WA-MA-C')).not.toBe('prohibited');
  });

  test('by supervision: the five levels, one state', () => {
    const table = matrix(ruleSet, { asOf: AS_OF, by: 'supervision', jurisdictions: ['AK'], tasks: ['iv-insertion'] });
    expect(table.columns).toEqual(['none', 'general', 'virtual', 'direct', 'personal']);
    expect(table.profile.states).toEqual(['AK']);
  });

  test('refuses a task the rule set lacks, or a code that is no state’s, as export and diff do', () => {
    expect(() => matrix(ruleSet, { asOf: AS_OF, tasks: ['nope'] })).toThrow(RangeError);
    expect(() => matrix(ruleSet, { asOf: AS_OF, jurisdictions: ['ZZ'] })).toThrow(/unknown jurisdiction 'ZZ'/);
  });

  test('refuses an axis over several states, or an axis it is also told to fix', () => {
    expect(() => matrix(ruleSet, { asOf: AS_OF, by: 'credential', jurisdictions: ['AK', 'WA'] })).toThrow(RangeError);
    expect(() =>
      matrix(ruleSet, { asOf: AS_OF, by: 'supervision', jurisdictions: ['AK'], fixed: { supervision: 'direct' } }),
    ).toThrow(RangeError);
  });
});
