import type { CaseCoverage } from '../domain/case-coverage.js';
import type { Decision } from '../domain/decision.js';
import type { RuleSet } from '../domain/rule-set.js';

/**
 * Which rules the cases exercise: a rule counts when some case's decision is determined by it or
 * lists it behind a condition. Pairs count tasks against jurisdictions that have a state file.
 */
export function caseCoverage(ruleSet: RuleSet, decisions: readonly Decision[]): CaseCoverage {
  const exercised = new Set<string>();
  const pairs = new Set<string>();
  for (const d of decisions) {
    for (const id of d.determinedBy) exercised.add(id);
    for (const c of d.conditions) for (const id of c.rules) exercised.add(id);
    for (const s of d.query.states ?? []) pairs.add(`${d.task.id}|${s}`);
  }
  const ids = [...ruleSet.rules.keys()];
  const notExercised = ids.filter((id) => !exercised.has(id)).sort();
  const hit = ids.length - notExercised.length;
  const statePairs = ruleSet.tasks.size * ruleSet.states.size;
  const withCase = [...pairs].filter((p) => ruleSet.states.has(p.split('|')[1]!)).length;
  return {
    rules: ids.length,
    exercised: hit,
    percent: ids.length === 0 ? 100 : Math.round((hit / ids.length) * 1000) / 10,
    notExercised,
    taskStatePairs: statePairs,
    taskStatePairsWithCase: withCase,
  };
}
