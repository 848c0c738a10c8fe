import type { ConditionTree, Decision } from '../domain/decision.js';
import type { DecisionRow } from '../domain/query-space.js';
import { sameList } from '../evaluate/query-keys.js';

/** A requirement in one token: `kind:value`, alternatives joined by `|`, groups as `anyOf(…)`/`allOf(…)`. */
export function conditionToken(tree: ConditionTree): string {
  if ('of' in tree) return `${tree.kind}(${tree.of.map(conditionToken).join(',')})`;
  const { requires } = tree;
  if (typeof requires === 'string') return `${tree.kind}:${requires}`;
  if (Array.isArray(requires)) return `${tree.kind}:${requires.join('|')}`;
  if ('noneOf' in requires) return `${tree.kind}:not(${requires.noneOf.join('|')})`;
  if ('scope' in requires)
    return `${tree.kind}:scope=${requires.scope}${requires.issuers ? `@${requires.issuers.join('|')}` : ''}`;
  return `${tree.kind}:${JSON.stringify(requires)}`;
}

/** The parts of a decision the dataset holds and a diff compares (`DecisionRow`). */
export function decisionRow(decision: Decision): DecisionRow {
  const toVerify: string[] = [];
  const unmet: string[] = [];
  for (const condition of decision.conditions) {
    const token = conditionToken(condition);
    const into = condition.status === 'unmet' ? unmet : toVerify;
    if (!into.includes(token)) into.push(token);
  }
  return {
    verdict: decision.verdict,
    confidence: decision.confidence,
    determinedBy: decision.determinedBy,
    toVerify,
    unmet,
    citations: decision.citations.map((c) => c.id),
  };
}

/** Whether two rows say the same. */
export function sameRow(a: DecisionRow, b: DecisionRow): boolean {
  return (
    a.verdict === b.verdict &&
    a.confidence === b.confidence &&
    sameList(a.determinedBy, b.determinedBy) &&
    sameList(a.toVerify, b.toVerify) &&
    sameList(a.unmet, b.unmet) &&
    sameList(a.citations, b.citations)
  );
}
