import type { CoverageEntry, Decision, DecisionCondition, RuleTrace } from '../domain/decision.js';
import { DECISION_SCHEMA_VERSION } from '../domain/decision.js';
import { NATIONAL } from '../domain/jurisdictions.js';
import type { Query } from '../domain/query.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Citation } from '../domain/schema/definitions.js';
import { type Verdict, stricter } from '../domain/verdict.js';
import type { Confidence } from '../domain/vocabulary.js';
import { type OutcomeCache, type RuleResult, type StateResult, evaluateState } from './evaluate-state.js';
import { factsOf } from './facts.js';
import { summarize } from './summarize.js';

const CONFIDENCE_RANK: Readonly<Record<Confidence, number>> = { low: 0, medium: 1, high: 2 };

/**
 * May an MA do this task, here? A pure function of the rule set and a resolved query
 * (DESIGN §3): it reads no clock, file or environment variable and writes nothing. Unknown ids
 * in the query are the caller's to refuse first (`resolveQuery`); an unknown task here is a
 * programming error.
 */
export function evaluate(ruleSet: RuleSet, query: Query): Decision {
  const task = ruleSet.tasks.get(query.task);
  if (!task) throw new Error(`evaluate: unknown task '${query.task}' (resolve the query first)`);
  const facts = factsOf(ruleSet, query);
  const cache: OutcomeCache = new Map();
  const perState: StateResult[] = (query.states ?? [null]).map((state) => evaluateState(ruleSet, task, query, facts, state, cache));

  const verdict = perState.reduce<Verdict>((v, s) => stricter(v, s.verdict), 'allowed');
  const determining = new Map<string, RuleResult>();
  for (const s of perState) if (s.verdict === verdict) for (const r of determiningOf(s)) determining.set(r.id, r);
  const determinedBy = orderRules(perState, determining);

  const conditions = collectConditions(perState, verdict);
  const rules = traceRules(perState);
  const hasJurisdictionGap = conditions.some((c) => c.kind === 'jurisdiction');
  const confidence = hasJurisdictionGap
    ? 'low'
    : [...determining.values()].reduce<Confidence>((low, r) => (CONFIDENCE_RANK[r.confidence] < CONFIDENCE_RANK[low] ? r.confidence : low), 'high');

  return {
    schemaVersion: DECISION_SCHEMA_VERSION,
    query,
    task: { id: task.id, name: task.name },
    verdict,
    confidence,
    summary: summarize(verdict, determinedBy.map((id) => determining.get(id)!), conditions, query.states),
    determinedBy,
    byState: query.states === null ? [] : perState.map((s) => ({ state: s.state!, verdict: s.verdict, determinedBy: orderRules([s], new Map(determiningOf(s).map((r) => [r.id, r]))) })),
    conditions,
    rules,
    citations: citationsOf(ruleSet, determinedBy, determining, rules),
    coverage: coverageOf(ruleSet, perState),
    rulesDigest: ruleSet.digest,
  };
}

/** Rules in force, not superseded, whose outcome is the state's verdict (DESIGN §3.5). */
const determiningOf = (s: StateResult): RuleResult[] => s.results.filter((r) => r.outcome === s.verdict);

/** Ids in layer order (national, states in query order, overlays), as each state lists them. */
function orderRules(perState: readonly StateResult[], wanted: ReadonlyMap<string, RuleResult>): string[] {
  const ids = new Set<string>();
  for (const layer of ['national', 'state', 'overlay'] as const) {
    for (const s of perState) for (const r of s.results) if (r.layer === layer && wanted.has(r.id)) ids.add(r.id);
  }
  return [...ids];
}

/** One entry per (state, kind, requires, basis), its rules and citations merged. */
function collectConditions(perState: readonly StateResult[], verdict: Verdict): DecisionCondition[] {
  const byKey = new Map<string, DecisionCondition>();
  for (const s of perState) {
    for (const r of s.results) {
      for (const f of r.findings) {
        const key = `${s.state}|${r.basis}|${JSON.stringify(f.tree)}`;
        const decisive = s.verdict === verdict && f.effect === verdict;
        const existing = byKey.get(key);
        if (existing) {
          if (!existing.rules.includes(r.id)) existing.rules.push(r.id);
          for (const c of r.cites) if (!existing.cites.includes(c)) existing.cites.push(c);
          existing.decisive ||= decisive;
        } else {
          const { status, ...what } = f.tree;
          byKey.set(key, { ...what, basis: r.basis, status, state: s.state, decisive, rules: [r.id], cites: [...r.cites] } as DecisionCondition);
        }
      }
    }
  }
  return [...byKey.values()];
}

/** Every rule that selects the task, in force or not, once; national rules merge their per-state supersession. */
function traceRules(perState: readonly StateResult[]): RuleTrace[] {
  const traces = new Map<string, RuleTrace>();
  for (const layer of ['national', 'state', 'overlay'] as const) {
    for (const s of perState) {
      for (const r of s.results) {
        if (r.layer !== layer) continue;
        const seen = traces.get(r.id);
        if (!seen) {
          traces.set(r.id, { id: r.id, layer: r.layer, basis: r.basis, outcome: r.outcome, summary: r.summary, cites: r.cites, inForce: r.inForce, supersededBy: r.supersededBy });
        } else if (r.supersededBy) {
          seen.supersededBy = [...new Set([...(seen.supersededBy ?? []), ...r.supersededBy])];
          if (seen.outcome === null) seen.outcome = r.outcome;
        }
      }
    }
  }
  return [...traces.values()];
}

/** The determining rules' citations first, then the rest in the order of `rules`, each once. */
function citationsOf(ruleSet: RuleSet, determinedBy: readonly string[], determining: ReadonlyMap<string, RuleResult>, rules: readonly RuleTrace[]): Citation[] {
  const ids = new Set<string>();
  for (const id of determinedBy) for (const c of determining.get(id)!.cites) ids.add(c);
  for (const r of rules) for (const c of r.cites) ids.add(c);
  return [...ids].map((id) => ruleSet.citations.get(id)!);
}

function coverageOf(ruleSet: RuleSet, perState: readonly StateResult[]): CoverageEntry[] {
  return perState
    .filter((s) => s.state !== null && s.state !== NATIONAL)
    .map((s) => {
      const profile = ruleSet.states.get(s.state!);
      return { jurisdiction: s.state!, level: profile?.coverage ?? 'none', reviewed: profile?.reviewed ?? null, addressed: s.addressed };
    });
}
