import type { ConditionTree } from '../domain/decision.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Basis, Layer } from '../domain/vocabulary.js';

/** A rule the evaluator supplies when the data cannot answer for a jurisdiction (docs/design.md). */
interface JurisdictionRule {
  id: string;
  layer: Layer;
  basis: Basis;
  summary: string;
  cites: string[];
  condition: ConditionTree;
}

/** A queried state with no rule for a task whose scope state law sets. */
export const coverageGap = (ruleSet: RuleSet, state: string, stateName: string): JurisdictionRule => ({
  id: `${state}/coverage-gap`,
  layer: 'state',
  basis: 'law',
  summary: `ma-check has no ${stateName} rule for this task, so the answer rests on the national baseline; check ${stateName}'s law before relying on it.`,
  cites: ruleSet.data.jurisdictionGap.cites,
  condition: { kind: 'jurisdiction', requires: 'no-state-rule', status: 'unknown' },
});

/** No state in the query: scope of practice is state law, so the answer cannot be final. */
export const stateNotGiven = (ruleSet: RuleSet): JurisdictionRule => ({
  id: 'US/state-not-given',
  layer: 'national',
  basis: 'law',
  summary:
    'No state was given; an MA’s scope is set by the law of the state where the task is done, so name the state to get a final answer.',
  cites: ruleSet.data.jurisdictionGap.cites,
  condition: { kind: 'jurisdiction', requires: 'state-not-given', status: 'unknown' },
});
