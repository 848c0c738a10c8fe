import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkCase } from '../../src/evaluate/check-case.js';
import { createEvaluator } from '../../src/evaluate/evaluator.js';
import { loadCases } from '../../src/rules/load-cases.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { readSnapshot } from '../../src/rules/snapshot.js';
import { DESIGN_TASK_IDS } from '../helpers/design-task-ids.js';
import { shipped } from '../helpers/load.js';
import { REPO, SHIPPED_RULES } from '../helpers/paths.js';

describe('the shipped rules', () => {
  test('load with no diagnostics at all', () => {
    const result = loadRules({ root: SHIPPED_RULES, cwd: REPO });
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  test('define every task id of DESIGN §10, each with exactly one baseline', () => {
    const ruleSet = shipped();
    for (const id of DESIGN_TASK_IDS) {
      expect(ruleSet.tasks.has(id), id).toBe(true);
      expect(ruleSet.rules.has(`${id}/baseline`), `${id}/baseline`).toBe(true);
    }
  });

  test('every rule cites at least one source with a web address or, where none was seen, a locator', () => {
    const ruleSet = shipped();
    for (const rule of ruleSet.rules.values()) {
      expect(
        rule.cites.some((id) => ruleSet.citations.get(id)?.url ?? ruleSet.citations.get(id)?.locator),
        rule.id,
      ).toBe(true);
    }
  });

  test('the CMAA is administrative; the national certifications are clinical', () => {
    const { credentials } = shipped();
    expect(credentials.get('CMAA')?.scope).toBe('administrative');
    for (const id of ['CMA', 'RMA', 'CCMA', 'NCMA']) expect(credentials.get(id)?.scope, id).toBe('clinical');
  });

  test('the build snapshot matches the YAML: same data, same digest', async () => {
    const snapshot = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), SHIPPED_RULES);
    expect(snapshot.fresh).toBe(true);
    if (snapshot.fresh) expect(snapshot.ruleSet.digest).toBe(shipped().digest);
  });

  const { cases, diagnostics } = loadCases(join(SHIPPED_RULES, 'cases'), REPO);
  test('case files are valid', () => {
    expect(diagnostics).toEqual([]);
    expect(readdirSync(join(SHIPPED_RULES, 'cases')).length).toBeGreaterThan(0);
  });

  // One table test: every case is checked, and a failure names every case that failed.
  test('every case gives its expected decision', () => {
    expect(cases.length).toBeGreaterThan(600);
    const evaluator = createEvaluator(shipped());
    const failed = cases.flatMap((c) => {
      const { failures } = checkCase(evaluator, c.case, c.asOf);
      return failures.length === 0 ? [] : [`${c.case.id} (${c.file}:${c.range.line}): ${JSON.stringify(failures)}`];
    });
    expect(failed.join('\n'), `${failed.length} of ${cases.length} cases failed`).toBe('');
  });
});
