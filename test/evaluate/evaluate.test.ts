import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { QueryInput } from '../../src/domain/query.js';
import { createEvaluator } from '../../src/evaluate/evaluator.js';
import { decide, minimal, ruleSetAt } from '../helpers/load.js';
import { FIXTURES, MINIMAL } from '../helpers/paths.js';

type Row = { name: string; query: Partial<QueryInput> & { task: string }; verdict: string; determinedBy: string[] };

// Each row names the condition it exercises; the fixture rule set is test/fixtures/rule-sets/minimal.
const rows: Row[] = [
  {
    name: 'no state: the decision waits for the state',
    query: { task: 'filing' },
    verdict: 'conditional',
    determinedBy: ['US/state-not-given'],
  },
  {
    name: 'administrative task in a state with rules is allowed',
    query: { task: 'filing', states: ['AK'] },
    verdict: 'allowed',
    determinedBy: ['filing/baseline'],
  },
  {
    name: 'administrative task needs no state rule',
    query: { task: 'filing', states: ['CA'] },
    verdict: 'allowed',
    determinedBy: ['filing/baseline'],
  },
  {
    name: 'every requirement met: allowed, every rule determines',
    query: {
      task: 'im-injection',
      states: ['AK'],
      delegator: 'physician',
      supervision: 'direct',
      confirmed: ['written-order'],
    },
    verdict: 'allowed',
    determinedBy: ['im-injection/baseline', 'AK/general-delegation', 'AK/injections-direct'],
  },
  {
    name: 'unknown requirement: conditional',
    query: { task: 'im-injection', states: ['AK'], delegator: 'pa', supervision: 'personal' },
    verdict: 'conditional',
    determinedBy: ['im-injection/baseline'],
  },
  {
    name: 'unmet law requirement: prohibited',
    query: { task: 'im-injection', states: ['AK'], supervision: 'general' },
    verdict: 'prohibited',
    determinedBy: ['AK/injections-direct'],
  },
  {
    name: 'unmet guidance requirement: discouraged',
    query: { task: 'im-injection', states: ['US'], denied: ['written-order'] },
    verdict: 'discouraged',
    determinedBy: ['im-injection/baseline'],
  },
  {
    name: 'rule not yet in force does not apply',
    query: { task: 'im-injection', states: ['AK'], supervision: 'general', delegator: 'physician', asOf: '2019-06-01' },
    verdict: 'conditional',
    determinedBy: ['im-injection/baseline'],
  },
  {
    name: 'rule in force on its effective date',
    query: { task: 'im-injection', states: ['AK'], supervision: 'general', delegator: 'physician', asOf: '2019-12-25' },
    verdict: 'prohibited',
    determinedBy: ['AK/injections-direct'],
  },
  {
    name: 'explicit verdict stands while its way out is unknown',
    query: { task: 'iv-insertion', states: ['AK'], credentials: ['CMA'] },
    verdict: 'discouraged',
    determinedBy: ['iv-insertion/baseline'],
  },
  {
    name: 'explicit verdict lifts when every unless entry is met (training via satisfies)',
    query: {
      task: 'iv-insertion',
      states: ['AK'],
      trainings: ['long-course'],
      confirmed: ['competency-validated'],
      supervision: 'direct',
      delegator: 'md',
    },
    verdict: 'allowed',
    determinedBy: ['iv-insertion/baseline', 'AK/general-delegation'],
  },
  {
    name: 'lifted verdict: what remains decides',
    query: {
      task: 'iv-insertion',
      states: ['AK'],
      trainings: ['short-course'],
      confirmed: ['competency-validated'],
      supervision: 'general',
      delegator: 'pa',
    },
    verdict: 'discouraged',
    determinedBy: ['iv-insertion/baseline'],
  },
  {
    name: 'judgment task: national law rule and baseline both prohibit',
    query: { task: 'triage', states: ['AK'] },
    verdict: 'prohibited',
    determinedBy: ['US/no-judgment', 'triage/baseline'],
  },
  {
    name: 'whitelist with except: injection prohibited',
    query: {
      task: 'im-injection',
      states: ['CT'],
      delegator: 'physician',
      supervision: 'direct',
      confirmed: ['written-order'],
    },
    verdict: 'prohibited',
    determinedBy: ['CT/injections-vaccines-only'],
  },
  {
    name: 'whitelist with except: vaccine allowed with every fact',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'physician-office',
    },
    verdict: 'allowed',
    determinedBy: ['vaccine-administration/baseline', 'CT/vaccines'],
  },
  {
    name: 'administrative credential does not meet a clinical one',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMAA'],
      trainings: ['program'],
      setting: 'physician-office',
    },
    verdict: 'prohibited',
    determinedBy: ['CT/vaccines'],
  },
  {
    name: 'open credential list leaves the rest unknown',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMAA', '...'],
      trainings: ['program'],
      setting: 'physician-office',
    },
    verdict: 'conditional',
    determinedBy: ['CT/vaccines'],
  },
  {
    name: 'setting at an excluded one is excluded',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'emergency-department',
    },
    verdict: 'prohibited',
    determinedBy: ['CT/vaccines'],
  },
  {
    name: 'setting above an excluded one is unknown',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'hospital',
    },
    verdict: 'conditional',
    determinedBy: ['CT/vaccines'],
  },
  {
    name: 'setting outside the excluded tree is met',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'ambulatory',
    },
    verdict: 'allowed',
    determinedBy: ['vaccine-administration/baseline', 'CT/vaccines'],
  },
  {
    name: 'rule past its until date no longer applies, earlier it does',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'physician-office',
      asOf: '2020-01-01',
    },
    verdict: 'prohibited',
    determinedBy: ['CT/old-vaccine-ban'],
  },
  {
    name: 'superseding rule replaces the old one; derived credential held',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['RMA'],
      trainings: ['program'],
      setting: 'physician-office',
      asOf: '2030-06-01',
    },
    verdict: 'allowed',
    determinedBy: ['vaccine-administration/baseline', 'CT/vaccine-rule-2030'],
  },
  {
    name: 'derived credential not held when its definition is unmet',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['RMA'],
      trainings: [],
      setting: 'physician-office',
      asOf: '2030-06-01',
    },
    verdict: 'prohibited',
    determinedBy: ['CT/vaccine-rule-2030'],
  },
  {
    name: 'derived credential unknown when its facts are unknown',
    query: {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['RMA'],
      setting: 'physician-office',
      asOf: '2030-06-01',
    },
    verdict: 'conditional',
    determinedBy: ['CT/vaccine-rule-2030'],
  },
  {
    name: 'several states: the strictest wins',
    query: {
      task: 'im-injection',
      states: ['AK', 'CT'],
      delegator: 'physician',
      supervision: 'direct',
      confirmed: ['written-order'],
    },
    verdict: 'prohibited',
    determinedBy: ['CT/injections-vaccines-only'],
  },
  {
    name: 'state without rules for a clinical task: coverage gap',
    query: { task: 'im-injection', states: ['CA'], confirmed: ['written-order'] },
    verdict: 'conditional',
    determinedBy: ['CA/coverage-gap'],
  },
  {
    name: 'US asks for the baseline alone',
    query: { task: 'im-injection', states: ['US'], confirmed: ['written-order'] },
    verdict: 'allowed',
    determinedBy: ['im-injection/baseline'],
  },
  {
    name: 'role below the required one meets it',
    query: { task: 'vaccine-administration', states: ['AK'], delegator: 'md', supervision: 'direct' },
    verdict: 'allowed',
    determinedBy: [
      'vaccine-administration/baseline',
      'AK/general-delegation',
      'AK/injections-direct',
      'AK/vaccines-md-or-np',
    ],
  },
  {
    name: 'role above the required one is unknown',
    query: { task: 'vaccine-administration', states: ['AK'], delegator: 'physician', supervision: 'direct' },
    verdict: 'conditional',
    determinedBy: ['AK/vaccines-md-or-np'],
  },
  {
    name: 'role beside the required one is unmet',
    query: { task: 'vaccine-administration', states: ['AK'], delegator: 'pa', supervision: 'direct' },
    verdict: 'prohibited',
    determinedBy: ['AK/vaccines-md-or-np'],
  },
];

describe('evaluate (table)', () => {
  test.each(rows)('$name', ({ query, verdict, determinedBy }) => {
    const decision = decide(minimal(), query);
    expect({ verdict: decision.verdict, determinedBy: decision.determinedBy }).toEqual({ verdict, determinedBy });
  });
});

describe('evaluate (details)', () => {
  test('unknown vs unmet is reported per condition, with basis and decisiveness', () => {
    const d = decide(minimal(), { task: 'im-injection', states: ['AK'], supervision: 'general' });
    expect(d.conditions.map((c) => [c.kind, c.status, c.basis, c.decisive])).toEqual([
      ['condition', 'unknown', 'guidance', false],
      ['delegator', 'unknown', 'law', false],
      ['supervision', 'unmet', 'law', true],
    ]);
  });

  test('the unless entries are listed as the way out of an explicit verdict', () => {
    const d = decide(minimal(), { task: 'iv-insertion', states: ['AK'] });
    const decisive = d.conditions.filter((c) => c.decisive).map((c) => ('requires' in c ? c.requires : null));
    expect(decisive).toEqual([['short-course'], 'competency-validated']);
  });

  test('a superseded rule stays in the trace with supersededBy and no outcome', () => {
    const d = decide(minimal(), {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['RMA'],
      trainings: ['program'],
      setting: 'physician-office',
      asOf: '2030-06-01',
    });
    expect(d.rules.find((r) => r.id === 'CT/vaccines')).toMatchObject({
      inForce: true,
      outcome: null,
      supersededBy: ['CT/vaccine-rule-2030'],
    });
    expect(d.rules.find((r) => r.id === 'CT/old-vaccine-ban')).toMatchObject({ inForce: false, outcome: null });
  });

  test('the supersession holds only while the superseding rule is in force', () => {
    const d = decide(minimal(), {
      task: 'vaccine-administration',
      states: ['CT'],
      credentials: ['CMA'],
      trainings: ['program'],
      setting: 'physician-office',
    });
    expect(d.rules.find((r) => r.id === 'CT/vaccines')).toMatchObject({ outcome: 'allowed', supersededBy: null });
  });

  test('several states: byState shows each, conditions carry their state', () => {
    const d = decide(minimal(), {
      task: 'im-injection',
      states: ['AK', 'CT'],
      delegator: 'physician',
      supervision: 'direct',
    });
    expect(d.byState.map((s) => [s.state, s.verdict])).toEqual([
      ['AK', 'conditional'],
      ['CT', 'prohibited'],
    ]);
    expect(new Set(d.conditions.map((c) => c.state))).toEqual(new Set(['AK', 'CT']));
    expect(d.conditions.filter((c) => c.state === 'AK').every((c) => !c.decisive)).toBe(true);
  });

  test('a coverage gap is low confidence, unaddressed and cited', () => {
    const d = decide(minimal(), { task: 'im-injection', states: ['CA'] });
    expect(d.confidence).toBe('low');
    expect(d.coverage).toEqual([{ jurisdiction: 'CA', level: 'none', reviewed: null, addressed: false }]);
    expect(d.conditions).toContainEqual(
      expect.objectContaining({ kind: 'jurisdiction', requires: 'no-state-rule', status: 'unknown', decisive: true }),
    );
    expect(d.citations.map((c) => c.id)).toContain('src-a');
  });

  test('citations list the determining rules first, each once, with the supervision definition a rule relies on', () => {
    const d = decide(minimal(), { task: 'im-injection', states: ['AK'], supervision: 'general' });
    expect(d.citations.map((c) => c.id)).toEqual(['src-a', 'ak-definitions', 'src-b']);
  });

  test('confidence is the lowest among the determining rules', () => {
    expect(decide(minimal(), { task: 'im-injection', states: ['AK'], supervision: 'general' }).confidence).toBe(
      'medium',
    );
    expect(
      decide(minimal(), { task: 'vaccine-administration', states: ['CT'], credentials: ['CMAA'] }).confidence,
    ).toBe('high');
  });

  test('the same query gives the same bytes', () => {
    const q = { task: 'im-injection', states: ['AK', 'CT'] };
    expect(JSON.stringify(decide(minimal(), q))).toBe(JSON.stringify(decide(minimal(), q)));
  });
});

describe('evaluate with an organization overlay', () => {
  const withOverlay = () => ruleSetAt(MINIMAL, [join(FIXTURES, 'overlays', 'clinic-policy')]);

  test('an unmet policy requirement prohibits', () => {
    const d = decide(withOverlay(), { task: 'filing', states: ['AK'], trainings: [] });
    expect([d.verdict, d.determinedBy]).toEqual(['prohibited', ['clinic-policy/filing-training']]);
  });

  test('a policy rule limited to some states applies only there', () => {
    expect(decide(withOverlay(), { task: 'iv-insertion', states: ['AK'] }).determinedBy).toEqual([
      'clinic-policy/no-iv-in-alaska',
    ]);
    expect(decide(withOverlay(), { task: 'iv-insertion', states: ['CT'] }).verdict).toBe('discouraged');
  });

  test('an overlay citation written without a source is the organization’s own, official text', () => {
    expect(withOverlay().citations.get('clinic-policy-manual')?.source).toBe('official');
  });

  test('overlays change the digest', () => {
    expect(withOverlay().digest).not.toBe(minimal().digest);
  });
});

describe('evaluate (sharing)', () => {
  test('an evaluator answers a repeated query with the same frozen decision; the caller’s query stays its own', () => {
    const ruleSet = minimal();
    const evaluator = createEvaluator(ruleSet);
    const query = {
      task: 'filing',
      states: ['AK'],
      credentials: null,
      supervision: null,
      trainings: null,
      delegator: null,
      setting: null,
      confirmed: [],
      denied: [],
      asOf: '2031-02-03',
    };
    const once = evaluator.evaluate(query);
    const first = evaluator.evaluate({ ...query, states: ['AK'] });
    expect(evaluator.evaluate({ ...query })).toBe(first);
    expect(once).toEqual(first);
    expect(Object.isFrozen(first) && Object.isFrozen(first.conditions) && Object.isFrozen(first.query)).toBe(true);
    expect(Object.isFrozen(query) || Object.isFrozen(query.states)).toBe(false);
    query.states.push('CT');
    expect(first.query.states).toEqual(['AK']);
  });

  test('plain evaluate keeps nothing: each call builds its own decision', () => {
    const query = { task: 'filing', states: ['AK'], credentials: null, supervision: null, trainings: null };
    const a = decide(minimal(), query);
    const b = decide(minimal(), query);
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
  });
});
