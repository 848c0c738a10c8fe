import type { ConditionTree } from '../domain/decision.js';
import { NATIONAL, STATES } from '../domain/jurisdictions.js';
import type { RuleRecord, RuleSet, TaskDef } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { type Basis, type Confidence, type Layer, STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';
import { coverageGap, stateNotGiven } from './jurisdiction-rules.js';

/** One rule in a jurisdiction's chain, with everything that does not depend on the facts. */
export interface PlanEntry {
  /** `null` for a rule the evaluator supplies (coverage gap, state not given). */
  rule: RuleRecord | null;
  id: string;
  layer: Layer;
  basis: Basis;
  confidence: Confidence;
  summary: string;
  cites: string[];
  inForce: boolean;
  supersededBy: string[] | null;
  /** In force and not superseded: its outcome counts. */
  live: boolean;
  /** The jurisdiction condition of a supplied rule. */
  supplied: ConditionTree | null;
  /** Merge keys of the rule's requirement entries, worked out as findings need them (`mergeKey`). */
  mergeKeys: Map<Requirement, string> | null;
}

/** The rules that apply to a task in one jurisdiction on one date, in trace order. */
export interface Plan {
  state: string | null;
  entries: PlanEntry[];
  /** Whether a state rule in force selects the task. */
  addressed: boolean;
}

const inForce = (rule: RuleRecord, asOf: string): boolean =>
  (!rule.effective || rule.effective <= asOf) && (!rule.until || asOf < rule.until);

const LAYER_ORDER: Readonly<Record<Layer, number>> = { national: 0, state: 1, overlay: 2 };

/** The plan of a task in one jurisdiction on one date: pure; `createEvaluator` keeps the plans it builds. */
export function buildPlan(ruleSet: RuleSet, task: TaskDef, state: string | null, asOf: string): Plan {
  const taskRules = ruleSet.rulesOf(task.id);
  const stateRules = state && state !== NATIONAL ? (taskRules.byState.get(state) ?? []) : [];
  const overlayRules = taskRules.overlays
    .flat()
    .filter((rule) => (rule.states ? state !== null && rule.states.includes(state) : true));
  const chain = [...taskRules.national, ...stateRules, ...overlayRules];
  const active = new Set(chain.filter((rule) => inForce(rule, asOf)));
  const supersededBy = new Map<string, string[]>();
  for (const rule of active)
    for (const target of rule.supersedes ?? [])
      supersededBy.set(target, [...(supersededBy.get(target) ?? []), rule.id]);

  const entries: PlanEntry[] = chain.map((rule) => {
    const live = active.has(rule);
    const replaced = live ? (supersededBy.get(rule.id) ?? null) : null;
    return {
      rule,
      id: rule.id,
      layer: rule.layer,
      basis: rule.basis,
      confidence: rule.confidence,
      summary: rule.summary,
      cites: rule.definitionCites ? [...rule.cites, ...rule.definitionCites] : rule.cites,
      inForce: live,
      supersededBy: replaced,
      live: live && !replaced,
      supplied: null,
      mergeKeys: null,
    };
  });
  const addressed = stateRules.some((rule) => active.has(rule));
  const supplied =
    state === null
      ? stateNotGiven(ruleSet)
      : state !== NATIONAL && !addressed && STATE_GOVERNED_CATEGORIES.includes(task.category)
        ? coverageGap(ruleSet, state, ruleSet.states.get(state)?.name ?? STATES[state] ?? state)
        : undefined;
  if (supplied) {
    const entry: PlanEntry = {
      rule: null,
      id: supplied.id,
      layer: supplied.layer,
      basis: supplied.basis,
      confidence: 'low',
      summary: supplied.summary,
      cites: supplied.cites,
      inForce: true,
      supersededBy: null,
      live: true,
      supplied: supplied.condition,
      mergeKeys: null,
    };
    const at = entries.findIndex(
      (e) => LAYER_ORDER[e.layer] > LAYER_ORDER[entry.layer] || (e.layer === entry.layer && e.id > entry.id),
    );
    entries.splice(at === -1 ? entries.length : at, 0, entry);
  }
  return { state, entries, addressed };
}
