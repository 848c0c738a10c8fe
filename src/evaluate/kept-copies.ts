import {
  type ConditionTree,
  type CoverageEntry,
  DECISION_SCHEMA_VERSION,
  type Decision,
  type DecisionCondition,
  type RuleTrace,
  type StateVerdict,
} from '../domain/decision.js';
import type { RuleRecord, TaskDef } from '../domain/rule-set.js';
import type { Citation } from '../domain/schema/definitions.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { DecisionBody, Outcomes } from './evaluate.js';
import type { RuleResult } from './evaluate-state.js';
import type { Facts } from './facts.js';
import type { Plan, PlanEntry } from './plan.js';

/*
 * Why an evaluator keeps copies rather than what `buildPlan` and `decisionBody` made: V8 picks
 * where to allocate an object by the place in the code that makes it. Were the objects those
 * functions make kept by an evaluator, V8 would learn that they live long and allocate them
 * straight into the old generation for plain `evaluate` as well, whose decisions are garbage at
 * once, and everything they point at would then outlive its young-generation collections too:
 * plain `evaluate` in a process that also runs an evaluator was measured twice as slow that way.
 * So what an evaluator keeps is made here, and only here, by copying once per plan and per body
 * (or per group, or per set of outcomes, for the parts those share).
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
 * The parts of a decision body that follow from the rules' outcomes alone, whatever the facts
 * that brought them about: kept by a plan group for each set of outcomes it has seen.
 */
export interface OutcomeParts {
  readonly determinedBy: DecisionBody['determinedBy'];
  readonly byState: DecisionBody['byState'];
  readonly rules: DecisionBody['rules'];
  readonly citations: DecisionBody['citations'];
}

/** Frozen copies of the outcome parts: what they point at in the rule set or a plan is shared as it is. */
export const keptOutcomeParts = (
  determining: readonly RuleResult[],
  byState: readonly StateVerdict[],
  rules: readonly RuleTrace[],
  citations: readonly Citation[],
): OutcomeParts => ({
  determinedBy: Object.freeze(determining.map((r) => r.entry.id)),
  byState: Object.freeze(
    byState.map((s) => Object.freeze({ state: s.state, verdict: s.verdict, determinedBy: frozenIds(s.determinedBy) })),
  ),
  rules: Object.freeze(rules.map(frozenTrace)),
  citations: Object.freeze(citations.slice()),
});

/** The task as every decision on it shows it, frozen. */
export const keptTask = (task: TaskDef): DecisionBody['task'] => Object.freeze({ id: task.id, name: task.name });

/** A frozen copy of the coverage of a group's states, which every body of the group shows. */
export const keptCoverage = (coverage: readonly CoverageEntry[]): DecisionBody['coverage'] =>
  Object.freeze(
    coverage.map((c) =>
      Object.freeze({ jurisdiction: c.jurisdiction, level: c.level, reviewed: c.reviewed, addressed: c.addressed }),
    ),
  );

/**
 * A frozen decision body, to be shared by every query that reads the same facts: its conditions
 * are copied, down to their trees and lists (what they point at in the rule set, a rule's
 * `requires`, is shared as it is); the task, coverage and outcome parts are already kept ones.
 */
export const keptBody = (
  task: DecisionBody['task'],
  outcomes: Outcomes,
  summary: string,
  parts: OutcomeParts,
  coverage: DecisionBody['coverage'],
  rulesDigest: string,
): DecisionBody =>
  Object.freeze({
    task,
    verdict: outcomes.verdict,
    confidence: outcomes.confidence,
    summary,
    determinedBy: parts.determinedBy,
    byState: parts.byState,
    conditions: Object.freeze(outcomes.conditions.map(frozenCondition)),
    rules: parts.rules,
    citations: parts.citations,
    coverage,
    rulesDigest,
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

const keptList = (l: Facts['credentials']): Facts['credentials'] =>
  l === null ? null : { held: l.held, open: l.open };

/** A copy of a query's facts, to be kept by an evaluator for every query that says the same. */
export const keptFacts = (f: Facts): Facts => ({
  ruleSet: f.ruleSet,
  credentials: keptList(f.credentials),
  supervision: f.supervision,
  trainings: keptList(f.trainings),
  delegator: f.delegator,
  setting: f.setting,
  confirmed: f.confirmed,
  denied: f.denied,
  derived: null,
});
