import { describe, expect, test } from 'vitest';
import { dataReport, sourceStats } from '../../src/evaluate/source-stats.js';
import { minimal } from '../helpers/load.js';

const AS_OF = '2026-12-07';

describe('source statistics over the fixture rule set (exact)', () => {
  test('a state with a provision, a defined term and official sources', () => {
    expect(sourceStats(minimal(), 'AK', AS_OF)).toEqual({
      code: 'AK',
      name: 'Alaska',
      coverage: 'reviewed',
      citations: { official: 2, copy: 0, commentary: 0 },
      lawRules: 3,
      lawRulesOfficial: 3,
      lawRulesOfficialText: 3,
      lawRulesCommentaryOnly: [],
      delegation: 'provision',
      // Of im-injection, iv-insertion, triage and vaccines, only the vaccine rule (MD or NP; a physician is unknown) decides.
      stateDetermined: 1,
      stateGoverned: 4,
      reviewDays: ['2026-11-25', '2026-12-01'],
    });
  });

  test('a state whose finding of no provision decides what its other rules leave alone', () => {
    expect(sourceStats(minimal(), 'NV', AS_OF)).toEqual({
      code: 'NV',
      name: 'Nevada',
      coverage: 'partial',
      citations: { official: 0, copy: 1, commentary: 0 },
      lawRules: 3,
      lawRulesOfficial: 0,
      lawRulesOfficialText: 0,
      lawRulesCommentaryOnly: [],
      delegation: 'none',
      // im-injection (the finding) and vaccines (the protocol rule); IV and triage are decided nationally.
      stateDetermined: 2,
      stateGoverned: 4,
      reviewDays: ['2026-12-01'],
    });
  });

  test('a jurisdiction without a file: nothing, honestly', () => {
    expect(sourceStats(minimal(), 'WY', AS_OF)).toMatchObject({
      coverage: 'none',
      lawRules: 0,
      delegation: 'missing',
      stateDetermined: 0,
      reviewDays: [],
    });
  });

  test('the overall figures add up the states; every citation of the set is counted once', () => {
    const report = dataReport(minimal(), AS_OF);
    expect(report.states).toHaveLength(51);
    expect(report.overall).toMatchObject({
      citations: { official: 2, copy: 1, commentary: 1 },
      lawRules: 10,
      lawRulesOfficial: 7,
      lawRulesOfficialText: 7,
      delegation: { provision: 1, none: 1, missing: 49 },
      stateDetermined: 5,
      stateGoverned: 51 * 4,
    });
  });
});
