import type { CoverageEntry, Decision, DecisionCondition, RuleTrace, StateVerdict } from '../domain/decision.js';
import { DECISION_SCHEMA_VERSION } from '../domain/decision.js';
import { NATIONAL } from '../domain/jurisdictions.js';
import type { Query } from '../domain/query.js';
import type { RuleSet, TaskDef } from '../domain/rule-set.js';
import type { Citation } from '../domain/schema/definitions.js';
import { stricter, type Verdict } from '../domain/verdict.js';
import type { Basis, Confidence } from '../domain/vocabulary.js';
import { evaluateState, type OutcomeCache, type RuleResult, type StateResult } from './evaluate-state.js';
import { type Facts, factsOf } from './facts.js';
import { buildPlan, type Plan, type PlanEntry } from './plan.js';
import { conditionTree } from './requirement-status.js';
import type { Finding } from './rule-outcome.js';
import { summarize } from './summarize.js';

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };
const LAYERS = ['national', 'state', 'overlay'] as const;

/**
 * May an MA do this task, here? A pure function of the rule set and a resolved query
 * (docs/design.md): it reads no clock, file or environment variable and writes nothing. Unknown ids
 * in the query are the caller's to refuse first (`resolveQuery`); an unknown task here is a
 * programming error.
 */
export function evaluate(ruleSet: RuleSet, query: Query): Decision {
  const task = taskOf(ruleSet, query.task);
  const plans = (query.states ?? [null]).map((state) => buildPlan(ruleSet, task, state, query.asOf));
  return withQuery(copyOf(query), decisionBody(ruleSet, task, query.states, plans, factsOf(ruleSet, query)));
}

/** The task a query names; the caller resolved it first (`resolveQuery`). */
export function taskOf(ruleSet: RuleSet, id: string): TaskDef {
  const task = ruleSet.tasks.get(id);
  if (!task) throw new Error(`evaluate: unknown task '${id}' (resolve the query first)`);
  return task;
}

/**
 * A decision but for the query it answers. It depends on the query only through the task, the
 * states, the date (which pick the plans) and the status of each requirement the plans' rules
 * read, which is what lets an evaluator share one body between queries (`shared-bodies.ts`).
 */
export type DecisionBody = Omit<Decision, 'schemaVersion' | 'query'>;

/**
 * What the rules come to under the facts, before anything is said about it: each jurisdiction's
 * results, the verdict, the rules that determine it, the conditions and the confidence.
 */
export interface Outcomes {
  perState: StateResult[];
  verdict: Verdict;
  determining: RuleResult[];
  conditions: DecisionCondition[];
  confidence: Confidence;
}

/** The outcomes of `plans` (one per state, in order; `[null]`'s plan for none) under `facts`. */
export function outcomesOf(plans: readonly Plan[], facts: Facts): Outcomes {
  // National rules come first in every jurisdiction's plan: with several, each is worked out once.
  const cache: OutcomeCache | null = plans.length > 1 ? new Map() : null;
  const perState: StateResult[] = plans.map((plan) => evaluateState(plan, facts, cache));

  let verdict: Verdict = 'allowed';
  for (const s of perState) verdict = stricter(verdict, s.verdict);
  const determining = inLayerOrder(perState, (s, r) => s.verdict === verdict && r.outcome === verdict);
  const conditions = collectConditions(perState, verdict, facts);

  let confidence: Confidence = 'high';
  for (const r of determining)
    if (CONFIDENCE_RANK[r.entry.confidence] < CONFIDENCE_RANK[confidence]) confidence = r.entry.confidence;
  for (const c of conditions) if (c.kind === 'jurisdiction') confidence = 'low';
  return { perState, verdict, determining, conditions, confidence };
}

/** The body of the decision on `task` in `states` (one plan each, in order; `[null]` plan for none). */
export function decisionBody(
  ruleSet: RuleSet,
  task: TaskDef,
  states: readonly string[] | null,
  plans: readonly Plan[],
  facts: Facts,
): DecisionBody {
  const { perState, verdict, determining, conditions, confidence } = outcomesOf(plans, facts);
  const rules = traceRules(perState);
  return {
    task: { id: task.id, name: task.name },
    verdict,
    confidence,
    summary: summarize(verdict, determining, conditions, states),
    determinedBy: determining.map((r) => r.entry.id),
    byState: states === null ? [] : perState.map(byStateOf),
    conditions,
    rules,
    citations: citationsOf(ruleSet, determining, rules),
    coverage: coverageOf(ruleSet, perState),
    rulesDigest: ruleSet.digest,
  };
}

/** The decision: the query it answers, then its body; keys in the contract's order. */
export const withQuery = (query: Decision['query'], body: DecisionBody): Decision => ({
  schemaVersion: DECISION_SCHEMA_VERSION,
  query,
  task: body.task,
  verdict: body.verdict,
  confidence: body.confidence,
  summary: body.summary,
  determinedBy: body.determinedBy,
  byState: body.byState,
  conditions: body.conditions,
  rules: body.rules,
  citations: body.citations,
  coverage: body.coverage,
  rulesDigest: body.rulesDigest,
});

/** The decision owns its copy of the query: the caller's object is neither kept nor frozen. */
const copyOf = (q: Query): Query => ({
  task: q.task,
  states: q.states && [...q.states],
  credentials: q.credentials && [...q.credentials],
  supervision: q.supervision,
  trainings: q.trainings && [...q.trainings],
  delegator: q.delegator,
  setting: q.setting,
  confirmed: [...q.confirmed],
  denied: [...q.denied],
  asOf: q.asOf,
});

/**
 * Results that pass `keep`, each rule once, in layer order (national, states in query order,
 * overlays), then in each state's own order (by id).
 */
function inLayerOrder(
  perState: readonly StateResult[],
  keep: (s: StateResult, r: RuleResult) => boolean,
): RuleResult[] {
  if (perState.length === 1) return perState[0]!.results.filter((r) => keep(perState[0]!, r));
  const seen = new Set<string>();
  const out: RuleResult[] = [];
  for (const layer of LAYERS) {
    for (const s of perState) {
      for (const r of s.results) {
        if (r.entry.layer !== layer || seen.has(r.entry.id) || !keep(s, r)) continue;
        seen.add(r.entry.id);
        out.push(r);
      }
    }
  }
  return out;
}

export function byStateOf(s: StateResult): StateVerdict {
  const determinedBy: string[] = [];
  for (const r of s.results) if (r.outcome === s.verdict) determinedBy.push(r.entry.id);
  return { state: s.state!, verdict: s.verdict, determinedBy };
}

/** A condition being gathered: the first finding of its key, and every rule and citation behind it. */
interface ConditionDraft {
  finding: Finding;
  basis: Basis;
  state: string | null;
  decisive: boolean;
  rules: string[];
  cites: string[];
}

/**
 * How a finding merges with other rules' into one condition: the same requirement under the same
 * basis. Worked out once per entry of a plan, and only for entries the facts leave unmet or unknown.
 */
function mergeKey(entry: PlanEntry, finding: Finding): string {
  if (finding.entry === null) return 'jurisdiction';
  entry.mergeKeys ??= new Map();
  let key = entry.mergeKeys.get(finding.entry);
  if (key === undefined) {
    key = `${entry.basis}|${JSON.stringify(finding.entry)}`;
    entry.mergeKeys.set(finding.entry, key);
  }
  return key;
}

/** One entry per (state, kind, requires, basis), its rules and citations merged. */
function collectConditions(perState: readonly StateResult[], verdict: Verdict, facts: Facts): DecisionCondition[] {
  const drafts: ConditionDraft[] = [];
  for (const s of perState) {
    let byKey: Map<string, ConditionDraft> | undefined;
    for (const r of s.results) {
      const { id, basis, cites } = r.entry;
      for (const f of r.findings) {
        const decisive = s.verdict === verdict && f.effect === verdict;
        const key = mergeKey(r.entry, f);
        byKey ??= new Map();
        const existing = byKey.get(key);
        if (existing) {
          if (!existing.rules.includes(id)) existing.rules.push(id);
          for (const c of cites) if (!existing.cites.includes(c)) existing.cites.push(c);
          if (decisive) existing.decisive = true;
          continue;
        }
        const draft = { finding: f, basis, state: s.state, decisive, rules: [id], cites: cites.slice() };
        byKey.set(key, draft);
        drafts.push(draft);
      }
    }
  }
  return drafts.map((d) => conditionOf(d, facts));
}

/** A finding in the decision's words; keys in the contract's order. */
function conditionOf(
  { finding, basis, state, decisive, rules, cites }: ConditionDraft,
  facts: Facts,
): DecisionCondition {
  const tree = finding.supplied ?? conditionTree(finding.entry!, facts);
  const status = finding.status;
  return 'of' in tree
    ? { kind: tree.kind, of: tree.of, basis, status, state, decisive, rules, cites }
    : ({ kind: tree.kind, requires: tree.requires, basis, status, state, decisive, rules, cites } as DecisionCondition);
}

const traceOf = (r: RuleResult): RuleTrace => ({
  id: r.entry.id,
  layer: r.entry.layer,
  basis: r.entry.basis,
  outcome: r.outcome,
  summary: r.entry.summary,
  cites: r.entry.cites,
  inForce: r.entry.inForce,
  supersededBy: r.entry.supersededBy,
});

/** Every rule that selects the task, in force or not, once; a national rule merges its per-state supersession. */
export function traceRules(perState: readonly StateResult[]): RuleTrace[] {
  if (perState.length === 1) return perState[0]!.results.map(traceOf);
  const traces = new Map<string, { -readonly [K in keyof RuleTrace]: RuleTrace[K] }>();
  for (const r of inLayerOrder(perState, () => true)) traces.set(r.entry.id, traceOf(r));
  for (const s of perState) {
    for (const r of s.results) {
      const trace = traces.get(r.entry.id)!;
      if (r.entry.supersededBy)
        trace.supersededBy = [...new Set([...(trace.supersededBy ?? []), ...r.entry.supersededBy])];
      if (trace.outcome === null) trace.outcome = r.outcome;
    }
  }
  return [...traces.values()];
}

/** The determining rules' citations first, then the rest in the order of `rules`, each once. */
export function citationsOf(
  ruleSet: RuleSet,
  determining: readonly RuleResult[],
  rules: readonly RuleTrace[],
): Citation[] {
  const ids = new Set<string>();
  for (const r of determining) for (const c of r.entry.cites) ids.add(c);
  for (const r of rules) for (const c of r.cites) ids.add(c);
  const out: Citation[] = [];
  for (const id of ids) out.push(ruleSet.citations.get(id)!);
  return out;
}

/** Coverage of each state a decision names: it follows from the plans (a state's results carry their plan's `addressed`). */
export function coverageOf(
  ruleSet: RuleSet,
  perState: readonly { state: string | null; addressed: boolean }[],
): CoverageEntry[] {
  const out: CoverageEntry[] = [];
  for (const s of perState) {
    if (s.state === null || s.state === NATIONAL) continue;
    const profile = ruleSet.states.get(s.state);
    out.push({
      jurisdiction: s.state,
      level: profile?.coverage ?? 'none',
      reviewed: profile?.reviewed ?? null,
      addressed: s.addressed,
    });
  }
  return out;
}
