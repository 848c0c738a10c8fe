import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DATASET_TABLES } from '../../src/domain/dataset.js';
import { DATASET_COLUMNS } from '../../src/domain/dataset-columns.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { decisionRow } from '../../src/space/decision-row.js';
import { exportDataset } from '../../src/space/export-dataset.js';
import { querySpace, type SpaceOptions } from '../../src/space/query-space.js';
import { minimal, ruleSetAt, shipped } from '../helpers/load.js';
import { FIXTURES, SHIPPED_RULES } from '../helpers/paths.js';

const AS_OF = '2026-12-07';
/**
 * A part of the shipped space with every kind of axis: injections read training and delegator,
 * filing reads nothing; states with their own credentials (MA, WA), a state with none (NY).
 */
const SHIPPED_PART: SpaceOptions = {
  asOf: AS_OF,
  tasks: ['iv-insertion', 'im-injection', 'filing'],
  jurisdictions: ['AK', 'MA', 'NY', 'WA'],
};
const withOverlay = () => ruleSetAt(SHIPPED_RULES, [join(FIXTURES, 'overlays', 'clinic-policy')]);

describe('exportDataset', () => {
  test.each([
    ['a task the rule set lacks', { tasks: ['nope'] }, /unknown task 'nope'/],
    ['a code that is no state’s', { tasks: ['filing'], jurisdictions: ['ZZ'] }, /unknown jurisdiction 'ZZ'/],
    [
      'the national baseline as a jurisdiction',
      { tasks: ['filing'], jurisdictions: ['US'] },
      /unknown jurisdiction 'US'/,
    ],
  ])('%s: a RangeError, no dataset', (_, narrowed, message) => {
    const made = () => exportDataset(minimal(), { asOf: AS_OF, ...narrowed });
    expect(made).toThrow(RangeError);
    expect(made).toThrow(message);
  });

  test.each([
    ['the fixture rule set, whole space', () => exportDataset(minimal(), { asOf: AS_OF })],
    ['the shipped rules with an overlay, three tasks', () => exportDataset(withOverlay(), SHIPPED_PART)],
  ])('every row of every table holds the codebook columns, in order (%s)', (_, made) => {
    const { tables } = made();
    for (const table of DATASET_TABLES) {
      const names = DATASET_COLUMNS[table].columns.map((c) => c.name);
      expect(tables[table].length, table).toBeGreaterThan(0);
      for (const row of tables[table]) expect(Object.keys(row), table).toEqual(names);
    }
    // A CSV cell joins a list's items with `;`, so no item may hold one.
    const items = DATASET_TABLES.flatMap((table) =>
      tables[table].flatMap((row) => Object.values(row).filter(Array.isArray).flat() as string[]),
    );
    expect(items.length).toBeGreaterThan(0);
    expect(items.filter((item) => item.includes(';'))).toEqual([]);
  });

  test.each([
    ['the fixture rule set, whole space', minimal, { asOf: AS_OF }],
    ['the shipped rules, three tasks', shipped, SHIPPED_PART],
  ] as const)('one decision per point of the space, each the row of plain evaluate (%s)', (_, ruleSet, options) => {
    const points = [...querySpace(ruleSet(), options)];
    const { decisions } = exportDataset(ruleSet(), options).tables;
    expect(decisions).toHaveLength(points.length);
    points.forEach((point, i) => {
      const row = decisionRow(evaluate(ruleSet(), point.query));
      expect(decisions[i]).toEqual({
        task: point.task,
        jurisdiction: point.jurisdiction,
        ...point.profile,
        verdict: row.verdict,
        confidence: row.confidence,
        determined_by: row.determinedBy,
        to_verify: row.toVerify,
        unmet: row.unmet,
        citations: row.citations,
      });
    });
  });

  test('the same rules and options give the same tables', () => {
    expect(exportDataset(shipped(), SHIPPED_PART)).toEqual(exportDataset(shipped(), SHIPPED_PART));
  });

  test('rules: every rule once, overlays included, with the tasks it selects', () => {
    const ruleSet = withOverlay();
    const { rules } = exportDataset(ruleSet, SHIPPED_PART).tables;
    expect(rules.map((r) => r.id)).toEqual(ruleSet.data.rules.map((r) => r.id));
    const overlay = rules.filter((r) => r.layer === 'overlay');
    expect(overlay.length).toBeGreaterThan(0);
    expect(new Set(overlay.map((r) => r.owner))).toEqual(new Set(['clinic-policy']));
    // `all: true` selects every task; a national rule with no dates has none.
    const everyTask = ruleSet.data.rules.find((r) => r.appliesTo.all === true && !r.except);
    if (everyTask) expect(rules.find((r) => r.id === everyTask.id)!.tasks).toEqual([...ruleSet.tasks.keys()]);
    for (const rule of rules) {
      expect(rule.tasks.length, rule.id).toBeGreaterThan(0);
      expect(
        rule.tasks.every((t) => ruleSet.tasks.has(t)),
        rule.id,
      ).toBe(true);
    }
  });

  test('citations: every source once, counting the rules that cite it', () => {
    const ruleSet = shipped();
    const { citations } = exportDataset(ruleSet, SHIPPED_PART).tables;
    expect(citations.map((c) => c.id)).toEqual([...ruleSet.citations.keys()]);
    for (const c of citations)
      expect(c.rules_citing, c.id).toBe(ruleSet.data.rules.filter((r) => r.cites.includes(c.id)).length);
    expect(citations.some((c) => c.rules_citing === 0)).toBe(true);
    expect(citations.some((c) => c.rules_citing > 10)).toBe(true);
  });

  test('jurisdictions: the states of the space, in its order', () => {
    const some = exportDataset(shipped(), { ...SHIPPED_PART, jurisdictions: ['WA', 'AK'] });
    expect(some.tables.jurisdictions.map((j) => j.code)).toEqual(['WA', 'AK']);
    expect(new Set(some.tables.decisions.map((d) => d.jurisdiction))).toEqual(new Set(['WA', 'AK']));
    expect(some.space.jurisdictions).toEqual(['WA', 'AK']);
    const all = exportDataset(shipped(), { asOf: AS_OF, tasks: ['filing'] });
    expect(all.tables.jurisdictions).toHaveLength(51);
  });

  test('what the manifest says of the space: tasks, states, fixed profile, overlays, grid', () => {
    const exported = exportDataset(withOverlay(), {
      ...SHIPPED_PART,
      jurisdictions: ['AK'],
      fixed: { credentials: ['CMA'], supervision: 'direct' },
    });
    expect(exported.space).toEqual({
      tasks: SHIPPED_PART.tasks,
      jurisdictions: ['AK'],
      fixed: { credentials: ['CMA'], supervision: 'direct' },
      overlays: ['clinic-policy'],
    });
    expect(exported.grid.credentials).toEqual(['CMA']);
    expect(exported.grid.supervision).toEqual(['direct']);
    expect(exported.rulesDigest).toBe(withOverlay().digest);
    expect(exported.asOf).toBe(AS_OF);
    for (const d of exported.tables.decisions) expect([d.credential, d.supervision]).toEqual(['CMA', 'direct']);
  });
});
