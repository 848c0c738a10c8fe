import type { ConditionTree } from '../domain/decision.js';
import { NATIONAL, STATES } from '../domain/jurisdictions.js';
import type { Query } from '../domain/query.js';
import type { RuleRecord, RuleSet, TaskDef } from '../domain/rule-set.js';
import { type Verdict, stricter } from '../domain/verdict.js';
import { type Basis, type Confidence, type Layer, STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';
import type { Facts } from './facts.js';
import { type JurisdictionRule, coverageGap, stateNotGiven } from './jurisdiction-rules.js';
import { conditionTree } from './requirement-status.js';
import { type RuleOutcome, ruleOutcome } from './rule-outcome.js';

/** A finding in the decision's words. */
export interface StateFinding {
  tree: ConditionTree;
  effect: Verdict;
}

/** One rule as evaluated for one jurisdiction. */
export interface RuleResult {
  id: string;
  layer: Layer;
  basis: Basis;
  confidence: Confidence;
  summary: string;
  cites: string[];
  inForce: boolean;
  /** `null` when not in force or superseded. */
  outcome: Verdict | null;
  supersededBy: string[] | null;
  findings: StateFinding[];
}

export interface StateResult {
  /** `null` when the query named no state. */
  state: string | null;
  verdict: Verdict;
  results: RuleResult[];
  /** Whether a state rule in force selects the task. */
  addressed: boolean;
}

const inForce = (rule: RuleRecord, asOf: string): boolean => (!rule.effective || rule.effective <= asOf) && (!rule.until || asOf < rule.until);

/** Outcomes of national rules do not depend on the state: worked out once per query. */
export type OutcomeCache = Map<string, RuleOutcome>;

/** Evaluates one jurisdiction: national rules, then the state's, then overlays (DESIGN §3.1, §3.8). */
export function evaluateState(ruleSet: RuleSet, task: TaskDef, query: Query, facts: Facts, state: string | null, cache: OutcomeCache): StateResult {
  const taskRules = ruleSet.taskRules.get(task.id)!;
  const stateRules = state && state !== NATIONAL ? (taskRules.byState.get(state) ?? []) : [];
  const overlayRules = taskRules.overlays.flat().filter((rule) => (rule.states ? state !== null && rule.states.includes(state) : true));
  const chain = [...taskRules.national, ...stateRules, ...overlayRules];

  const active = new Set(chain.filter((rule) => inForce(rule, query.asOf)));
  const supersededBy = new Map<string, string[]>();
  for (const rule of active) {
    for (const target of rule.supersedes ?? []) supersededBy.set(target, [...(supersededBy.get(target) ?? []), rule.id]);
  }

  let verdict: Verdict = 'allowed';
  const results: RuleResult[] = chain.map((rule) => {
    const live = active.has(rule);
    const replaced = live ? (supersededBy.get(rule.id) ?? null) : null;
    const base = { id: rule.id, layer: rule.layer, basis: rule.basis, confidence: rule.confidence, summary: rule.summary, cites: rule.cites, inForce: live, supersededBy: replaced };
    if (!live || replaced) return { ...base, outcome: null, findings: [] };
    let evaluated = rule.layer === 'national' ? cache.get(rule.id) : undefined;
    if (!evaluated) {
      evaluated = ruleOutcome(rule, facts);
      if (rule.layer === 'national') cache.set(rule.id, evaluated);
    }
    verdict = stricter(verdict, evaluated.outcome);
    const findings = evaluated.findings.map((f) => ({ tree: conditionTree(f.entry, facts), effect: f.effect }));
    return { ...base, outcome: evaluated.outcome, findings };
  });

  const addressed = stateRules.some((rule) => active.has(rule));
  let supplied: JurisdictionRule | undefined;
  if (state === null) supplied = stateNotGiven(ruleSet);
  else if (state !== NATIONAL && !addressed && STATE_GOVERNED_CATEGORIES.includes(task.category)) {
    supplied = coverageGap(ruleSet, state, ruleSet.states.get(state)?.name ?? STATES[state] ?? state);
  }
  if (supplied) {
    verdict = stricter(verdict, 'conditional');
    const { condition, ...view } = supplied;
    const result: RuleResult = { ...view, confidence: 'low', inForce: true, outcome: 'conditional', supersededBy: null, findings: [{ tree: condition, effect: 'conditional' }] };
    const at = results.findIndex((r) => LAYER_ORDER[r.layer] > LAYER_ORDER[result.layer] || (r.layer === result.layer && r.id > result.id));
    results.splice(at === -1 ? results.length : at, 0, result);
  }
  return { state, verdict, results, addressed };
}

const LAYER_ORDER: Readonly<Record<Layer, number>> = { national: 0, state: 1, overlay: 2 };
