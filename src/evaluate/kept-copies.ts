import {
  type ConditionTree,
  DECISION_SCHEMA_VERSION,
  type Decision,
  type DecisionCondition,
  type RuleTrace,
} from '../domain/decision.js';
import type { RuleRecord } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { DecisionBody } from './evaluate.js';
import type { Plan, PlanEntry } from './plan.js';

/*
 * Why an evaluator keeps copies rather than what `buildPlan` and `decisionBody` made: V8 picks
 * where to allocate an object by the place in the code that makes it. Were the objects those
 * functions make kept by an evaluator, V8 would learn that they live long and allocate them
 * straight into the old generation for plain `evaluate` as well, whose decisions are garbage at
 * once, and everything they point at would then outlive its young-generation collections too:
 * plain `evaluate` in a process that also runs an evaluator was measured twice as slow that way.
 * So what an evaluator keeps is made here, and only here, by copying once per plan and per body.
 * The copies are object literals with their keys written out (in the contract's order): spread
 * copies (`{ ...o }`), once frozen, each got a hidden class of its own (measured: 992 for 1,000
 * decisions), which made every property access on them slow.
 */

const frozenIds = (ids: readonly string[]): readonly string[] => Object.freeze(ids.slice());

const frozenTree = (t: ConditionTree): ConditionTree =>
  Object.freeze(
    'of' in t
      ? { kind: t.kind, of: Object.freeze(t.of.map(frozenTree)), status: t.status }
      : ({ kind: t.kind, requires: t.requires, status: t.status } as ConditionTree),
  );

/** A condition's own parts are copied; its `requires` belongs to the rule set and is shared as it is. */
const frozenCondition = (c: DecisionCondition): DecisionCondition =>
  Object.freeze(
    'of' in c
      ? {
          kind: c.kind,
          of: Object.freeze(c.of.map(frozenTree)),
          basis: c.basis,
          status: c.status,
          state: c.state,
          decisive: c.decisive,
          rules: frozenIds(c.rules),
          cites: frozenIds(c.cites),
        }
      : ({
          kind: c.kind,
          requires: c.requires,
          basis: c.basis,
          status: c.status,
          state: c.state,
          decisive: c.decisive,
          rules: frozenIds(c.rules),
          cites: frozenIds(c.cites),
        } as DecisionCondition),
  );

const frozenTrace = (r: RuleTrace): RuleTrace =>
  Object.freeze({
    id: r.id,
    layer: r.layer,
    basis: r.basis,
    outcome: r.outcome,
    summary: r.summary,
    cites: r.cites,
    inForce: r.inForce,
    supersededBy: r.supersededBy,
  });

/**
 * A frozen copy of a decision body, to be shared by every query that reads the same facts: what
 * the body owns is copied, down to its list entries; what it points at in the rule set or a plan
 * (citations, a rule's `cites`, `supersededBy` and `requires`) is shared as it is, never changed.
 */
export const keptBody = (b: DecisionBody): DecisionBody =>
  Object.freeze({
    task: Object.freeze({ id: b.task.id, name: b.task.name }),
    verdict: b.verdict,
    confidence: b.confidence,
    summary: b.summary,
    determinedBy: frozenIds(b.determinedBy),
    byState: Object.freeze(
      b.byState.map((s) =>
        Object.freeze({ state: s.state, verdict: s.verdict, determinedBy: frozenIds(s.determinedBy) }),
      ),
    ),
    conditions: Object.freeze(b.conditions.map(frozenCondition)),
    rules: Object.freeze(b.rules.map(frozenTrace)),
    citations: Object.freeze(b.citations.slice()),
    coverage: Object.freeze(
      b.coverage.map((c) =>
        Object.freeze({ jurisdiction: c.jurisdiction, level: c.level, reviewed: c.reviewed, addressed: c.addressed }),
      ),
    ),
    rulesDigest: b.rulesDigest,
  });

/** The decision on a frozen query and a kept body, frozen: `withQuery`'s, made here. */
export const keptDecision = (query: Decision['query'], body: DecisionBody): Decision =>
  Object.freeze({
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

const keptEntry = (e: PlanEntry, mergeKeysOf: MergeKeysOf): PlanEntry => ({
  rule: e.rule,
  id: e.id,
  layer: e.layer,
  basis: e.basis,
  confidence: e.confidence,
  summary: e.summary,
  cites: e.cites.slice(),
  inForce: e.inForce,
  supersededBy: e.supersededBy === null ? null : e.supersededBy.slice(),
  live: e.live,
  supplied: e.supplied === null ? null : frozenTree(e.supplied),
  mergeKeys: e.rule === null ? null : mergeKeysOf(e.rule),
});

/**
 * The merge keys of a rule's requirement entries (`PlanEntry.mergeKeys`), one map per rule for
 * every plan an evaluator keeps: a key depends only on the entry and the rule's basis, so the
 * national rules, in every state's plan, work theirs out once rather than once per state.
 */
export type MergeKeysOf = (rule: RuleRecord) => Map<Requirement, string>;

/** A copy of a plan, to be kept and shared by the decisions of its task, state and date. */
export const keptPlan = (p: Plan, mergeKeysOf: MergeKeysOf): Plan => ({
  state: p.state,
  entries: p.entries.map((e) => keptEntry(e, mergeKeysOf)),
  addressed: p.addressed,
});
