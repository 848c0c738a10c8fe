import type { QueryInput } from '../../src/domain/query.js';
import type { RuleSet } from '../../src/domain/rule-set.js';
import { evaluate } from '../../src/evaluate/evaluate.js';
import { resolveQuery } from '../../src/evaluate/resolve-query.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { MINIMAL, REPO, SHIPPED_RULES } from './paths.js';

const cache = new Map<string, RuleSet>();

/** A rule set loaded from real files, once per test process. */
export function ruleSetAt(root: string, overlays: string[] = []): RuleSet {
  const key = [root, ...overlays].join('|');
  let ruleSet = cache.get(key);
  if (!ruleSet) {
    const result = loadRules({ root, overlays, cwd: REPO });
    if (!result.ok)
      throw new Error(
        `fixture rules do not load:\n${result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column} ${d.code} ${d.message}`).join('\n')}`,
      );
    ruleSet = result.ruleSet;
    cache.set(key, ruleSet);
  }
  return ruleSet;
}

export const minimal = (): RuleSet => ruleSetAt(MINIMAL);
export const shipped = (): RuleSet => ruleSetAt(SHIPPED_RULES);

/** Resolve and evaluate in one step; a query that does not resolve fails the test. */
export function decide(ruleSet: RuleSet, input: Partial<QueryInput> & { task: string }) {
  const resolved = resolveQuery(ruleSet, { asOf: '2026-11-25', ...input });
  if (!resolved.ok) throw new Error(resolved.problems.map((p) => p.message).join('; '));
  return evaluate(ruleSet, resolved.query);
}
