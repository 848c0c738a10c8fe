import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RuleData, RuleRecord, RuleSet } from '../../src/domain/rule-set.js';
import type { DecisionChange } from '../../src/domain/rule-set-diff.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { indexRules } from '../../src/rules/index-rules.js';
import { readSnapshot } from '../../src/rules/snapshot.js';

import { decisionRow, sameRow } from '../../src/space/decision-row.js';
import { diffRuleSets } from '../../src/space/diff-rule-sets.js';
import { profileGrid } from '../../src/space/profile-grid.js';
import { cellPoints, cellSize, type SpaceOptions, spaceCells } from '../../src/space/query-space.js';
import { shipped } from '../helpers/load.js';
import { REPO, SHIPPED_RULES } from '../helpers/paths.js';

const AS_OF = '2026-11-25';

/** The shipped rules: from the build's snapshot when it is fresh (instant), else from the YAML. */
async function shippedRules(): Promise<RuleSet> {
  const snapshot = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), SHIPPED_RULES);
  return snapshot.fresh ? snapshot.ruleSet : shipped();
}

let edits = 0;
/**
 * A rule set made from `base`'s data with `edit` applied, with a digest of its own as a real edit
 * gets. An edit replaces what it changes (`withRule`), so `base` stays as it is.
 */
function edited(base: RuleSet, edit: (data: RuleData) => void): RuleSet {
  const data = { ...base.data };
  edit(data);
  return indexRules(data, `sha256:edited-${++edits}`);
}

/** Replaces a rule of `data` by a copy with `patch` applied. */
function withRule(data: RuleData, id: string, patch: Partial<RuleRecord>): void {
  if (!data.rules.some((r) => r.id === id)) throw new Error(`no rule ${id} in the shipped rules`);
  data.rules = data.rules.map((r) => (r.id === id ? ({ ...r, ...patch } as RuleRecord) : r));
}

const keyOf = (c: { task: string; jurisdiction: string; profile: DecisionChange['profile'] }) =>
  `${c.jurisdiction} ${c.task} ${c.profile.credential} ${c.profile.supervision} ${c.profile.delegator} ${c.profile.training}`;

/** The points of the given cells whose rows differ, each decided by plain `evaluate` on both sides. */
function differingPoints(base: RuleSet, head: RuleSet, options: SpaceOptions): Set<string> {
  const grid = profileGrid([base, head], options.fixed);
  const found = new Set<string>();
  for (const cell of spaceCells([base, head], options))
    for (const point of cellPoints(cell, grid, options.asOf)) {
      const before = decisionRow(evaluate(base, point.query));
      const after = decisionRow(evaluate(head, point.query));
      if (!sameRow(before, after)) found.add(keyOf(point));
    }
  return found;
}

let base: RuleSet;
beforeAll(async () => {
  base = await shippedRules();
});

describe('diffRuleSets', () => {
  test('one state rule made looser: exactly the decisions whose rows differ, all in its state and task, each naming it', () => {
    const head = edited(base, (data) => withRule(data, 'CA/no-iv-medications', { verdict: 'discouraged' }));
    const diff = diffRuleSets(base, head, { asOf: AS_OF });
    const tasks = [...head.tasks.keys()].filter((task) =>
      head
        .rulesOf(task)
        .byState.get('CA')
        ?.some((r) => r.id === 'CA/no-iv-medications'),
    );
    const expected = differingPoints(base, head, { asOf: AS_OF, tasks, jurisdictions: ['CA'] });
    expect(expected.size).toBeGreaterThan(0);
    expect(new Set(diff.changes.map(keyOf))).toEqual(expected);
    expect(diff.changes).toHaveLength(expected.size);
    for (const change of diff.changes) {
      expect(change.jurisdiction).toBe('CA');
      expect(tasks).toContain(change.task);
      expect(change.rules).toEqual([{ id: 'CA/no-iv-medications', change: 'edited' }]);
      expect(['looser', 'same-verdict']).toContain(change.direction);
    }
    expect(diff.rules).toEqual([{ id: 'CA/no-iv-medications', change: 'edited' }]);
    expect(diff.summary.changed.total).toBe(expected.size);
    expect(diff.summary.changed.looser).toBe(diff.changes.filter((c) => c.direction === 'looser').length);
    expect(diff.summary.changed.looser).toBeGreaterThan(0);
    expect(diff.summary.byState).toEqual([{ jurisdiction: 'CA', counts: diff.summary.changed }]);
    // Within a task in a state, verdicts that moved come before the rest.
    const directions = diff.changes.map((c) => c.direction);
    expect(directions.lastIndexOf('looser')).toBeLessThan(directions.indexOf('same-verdict'));
  });

  test('the same rule set: nothing changed, every point of the space compared', () => {
    const diff = diffRuleSets(base, base, { asOf: AS_OF });
    expect(diff.changes).toEqual([]);
    expect(diff.rules).toEqual([]);
    expect(diff.summary.compared).toBeGreaterThan(100_000);
    expect(diff.summary.changed.total).toBe(0);
  });

  test('a cell is counted as many points as it has, fixed axes or not', () => {
    const count = (options: SpaceOptions) => {
      const grid = profileGrid([base], options.fixed);
      for (const cell of spaceCells([base], options)) {
        let points = 0;
        for (const _ of cellPoints(cell, grid, AS_OF)) points++;
        expect(cellSize(cell, grid)).toBe(points);
      }
    };
    count({ asOf: AS_OF, jurisdictions: ['AK', 'CT', 'ND', 'TX'] });
    count({ asOf: AS_OF, jurisdictions: ['AK', 'CT'], fixed: { credentials: [], supervision: 'direct' } });
    count({ asOf: AS_OF, jurisdictions: ['AK', 'ND'], fixed: { delegator: 'physician', trainings: ['bbp-training'] } });
  });

  test('a task only the head has is added, one only the base has is removed; nothing crashes', () => {
    const head = edited(base, (data) => {
      const filing = data.tasks.find((t) => t.id === 'filing')!;
      data.tasks = data.tasks.filter((t) => t !== filing);
      data.tasks.push({ ...filing, id: 'filing-2', name: 'Filing, again', aliases: [] });
    });
    const options = { asOf: AS_OF, tasks: ['filing', 'filing-2', 'triage'], jurisdictions: ['AK', 'TX'] };
    const diff = diffRuleSets(base, head, options);
    const removed = diff.changes.filter((c) => c.task === 'filing');
    const added = diff.changes.filter((c) => c.task === 'filing-2');
    expect(removed.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    expect(removed.length + added.length).toBe(diff.changes.length);
    for (const c of removed)
      expect(c).toMatchObject({ direction: 'removed', after: null, before: { verdict: 'allowed' } });
    for (const c of added) expect(c).toMatchObject({ direction: 'added', before: null });
    expect(diff.summary.changed).toMatchObject({ added: added.length, removed: removed.length });
    expect(diff.summary.byTask.map((t) => t.task)).toEqual(['filing', 'filing-2']);
  });

  test('a task neither rule set has, or a code that is no state’s: a RangeError, not rows nobody decided', () => {
    const noTask = { asOf: AS_OF, tasks: ['nope'], jurisdictions: ['AK'] };
    expect(() => diffRuleSets(base, base, noTask)).toThrow(RangeError);
    expect(() => diffRuleSets(base, base, noTask)).toThrow(/unknown task 'nope'/);
    expect(() => diffRuleSets(base, base, { asOf: AS_OF, tasks: ['filing'], jurisdictions: ['ZZ'] })).toThrow(
      /unknown jurisdiction 'ZZ'/,
    );
    // A task one side has is fine: it is added or removed.
    const head = edited(base, (data) => {
      data.tasks = data.tasks.filter((t) => t.id !== 'filing');
    });
    expect(
      diffRuleSets(base, head, { asOf: AS_OF, tasks: ['filing'], jurisdictions: ['AK'] }).summary.changed,
    ).toMatchObject({ removed: 1, added: 0 });
  });

  test('a credential redefined: the decisions that read it move, and name no rule, since a definition changed', () => {
    expect(base.credentials.get('CMA')?.scope).toBe('clinical');
    const head = edited(base, (data) => {
      data.credentials = data.credentials.map((c) => (c.id === 'CMA' ? { ...c, scope: 'administrative' } : c));
    });
    const options = {
      asOf: AS_OF,
      tasks: ['vaccine-administration', 'im-injection'],
      jurisdictions: ['CT', 'ND', 'AK'],
    };
    const diff = diffRuleSets(base, head, options);
    expect(diff.rules).toEqual([]);
    expect(diff.changes.length).toBeGreaterThan(0);
    expect(new Set(diff.changes.map(keyOf))).toEqual(differingPoints(base, head, options));
    for (const c of diff.changes) {
      expect(c.rules).toEqual([]);
      expect(c.profile.credential).toBe('CMA');
    }
    expect(diff.summary.changed.stricter).toBeGreaterThan(0);
  });

  // The shortcut: a cell whose rules and definitions are alike on both sides is counted, not decided twice.
  const cases: [string, (data: RuleData) => void][] = [
    ['a state rule edited', (d) => withRule(d, 'CA/no-iv-medications', { verdict: 'discouraged' })],
    ['a national rule edited', (d) => withRule(d, 'US/no-independent-judgment', { verdict: 'discouraged' })],
    [
      'a rule removed, another added',
      (d) => {
        const moved = d.rules.find((r) => r.id === 'AK/no-professional-judgment')!;
        d.rules = [...d.rules.filter((r) => r !== moved), { ...moved, id: 'CT/copy', owner: 'CT' }];
      },
    ],
    [
      'a role left out of the tree',
      (d) => {
        d.roles = d.roles.filter((r) => r.id !== 'physician');
      },
    ],
    [
      'a citation retitled, a state profile edited',
      (d) => {
        d.citations = d.citations.map((c) => ({ ...c, title: `${c.title} (2)` }));
        d.states = d.states.map((s) => (s.code === 'AK' ? { ...s, coverage: 'none' } : s));
      },
    ],
  ];
  test.each(cases)('%s: the shortcut finds what deciding every cell finds', (_name, edit) => {
    const head = edited(base, edit);
    const options = {
      asOf: AS_OF,
      tasks: ['iv-medication-administration', 'triage'],
      jurisdictions: ['AK', 'CA', 'CT'],
    };
    const quick = diffRuleSets(base, head, options);
    const every = diffRuleSets(base, head, options, { decideEveryCell: true });
    expect(quick).toEqual(every);
  });
});
