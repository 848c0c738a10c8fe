import type { DeepReadonly } from '../domain/deep-readonly.js';
import type { Query } from '../domain/query.js';
import type { RuleRecord, RuleSet, TaskDef } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import type { Verdict } from '../domain/verdict.js';
import { byStateOf, citationsOf, coverageOf, type DecisionBody, outcomesOf, taskOf, traceRules } from './evaluate.js';
import type { StateResult } from './evaluate-state.js';
import { FactReads, type KnownFacts } from './fact-reads.js';
import type { Facts } from './facts.js';
import { keptBody, keptCoverage, keptOutcomeParts, keptPlan, keptTask, type OutcomeParts } from './kept-copies.js';
import { buildPlan, type Plan } from './plan.js';
import { sameList } from './query-keys.js';
import { summarize } from './summarize.js';

/** What every decision on one task, in one list of states, on one date shares. */
export interface PlanGroup {
  readonly task: TaskDef;
  readonly asOf: string;
  /** The frozen states of the query copy that made the group (`QueryKeys.frozenCopy`). */
  readonly states: readonly string[] | null;
  /** One plan per state, or the plan for no state. */
  readonly plans: readonly Plan[];
  /** What the plans' rules read of the facts (`FactReads.of`). */
  readonly reads: Int32Array;
  /** Bodies worked out so far, by what the reads came to (`FactReads.key`). */
  readonly bodies: Map<number | string, DecisionBody>;
  /** The task and the coverage every body of the group shows, frozen. */
  readonly decisionTask: DecisionBody['task'];
  readonly coverage: DecisionBody['coverage'];
  /** The parts of its bodies that follow from the outcomes alone, by the outcomes (`outcomesKey`). */
  readonly outcomeParts: Map<number, OutcomeParts>;
}

const OUTCOME_DIGIT: Readonly<Record<Verdict, number>> = { allowed: 1, conditional: 2, discouraged: 3, prohibited: 4 };

/** Results beyond this many do not fit a number's 53 bits at five outcomes each: theirs are not kept. */
const NUMERIC_RESULTS = 22;

/**
 * Every rule's outcome in every jurisdiction (or none, for a rule that does not count) as the
 * digits of one base-5 number; `null` when there are too many. A group's plans list the same
 * entries in the same places whatever the facts, so two bodies of a group with one key share
 * their verdict, determining rules, rule traces and citations.
 */
function outcomesKey(perState: readonly StateResult[]): number | null {
  let key = 0;
  let digits = 0;
  for (const s of perState)
    for (const r of s.results) {
      if (++digits > NUMERIC_RESULTS) return null;
      key = key * 5 + (r.outcome === null ? 0 : OUTCOME_DIGIT[r.outcome]);
    }
  return key;
}

/** How much the shared bodies may hold; each kind starts over when full. */
export interface SharedBodyLimits {
  plans: number;
  bodies: number;
}

const isGroupOf = (g: PlanGroup, q: DeepReadonly<Query>): boolean =>
  g.task.id === q.task && g.asOf === q.asOf && (g.states === q.states || sameList(g.states, q.states));

/**
 * Decision bodies shared between queries (`DecisionBody`): the group of plans of the query's task,
 * states and date, then the body by what the facts come to for the requirements those plans read.
 * So a query costs its facts' statuses and two map lookups, not a decision built from scratch,
 * and the queries of a roster, which differ in many ways the rules never look at, share a few
 * thousand bodies.
 */
export class SharedBodies {
  private groups = new Map<number, PlanGroup>();
  /** Merge keys by rule, shared by every plan kept (`MergeKeysOf`); bounded by the rule set's size. */
  private mergeKeys = new Map<RuleRecord, Map<Requirement, string>>();
  private readonly mergeKeysOf = (rule: RuleRecord): Map<Requirement, string> => {
    let keys = this.mergeKeys.get(rule);
    if (keys === undefined) {
      keys = new Map();
      this.mergeKeys.set(rule, keys);
    }
    return keys;
  };
  private readonly reads = new FactReads();
  private plans = 0;
  private bodies = 0;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly limits: SharedBodyLimits,
  ) {}

  /**
   * The group of the query's task, states and date (whose key is `key`), its plans built on first
   * need. `query` is frozen: the group keeps its `states`.
   */
  groupOf(key: number, query: DeepReadonly<Query>): PlanGroup {
    const found = this.groups.get(key);
    if (found !== undefined && isGroupOf(found, query)) return found;
    const task = taskOf(this.ruleSet, query.task);
    const plans = (query.states ?? [null]).map((state) =>
      keptPlan(buildPlan(this.ruleSet, task, state, query.asOf), this.mergeKeysOf),
    );
    if (found !== undefined) this.drop(found);
    if (this.plans + plans.length > this.limits.plans) this.startOver();
    const group: PlanGroup = {
      task,
      asOf: query.asOf,
      states: query.states,
      plans,
      reads: this.reads.of(plans),
      bodies: new Map(),
      decisionTask: keptTask(task),
      coverage: keptCoverage(coverageOf(this.ruleSet, plans)),
      outcomeParts: new Map(),
    };
    this.groups.set(key, group);
    this.plans += plans.length;
    return group;
  }

  /** The group's body for the facts, worked out and frozen on first need. */
  bodyOf(group: PlanGroup, known: KnownFacts): DecisionBody {
    const key = this.reads.key(group.reads, known);
    let body = group.bodies.get(key);
    if (body === undefined) {
      body = this.workOut(group, known.facts);
      if (this.bodies >= this.limits.bodies) {
        for (const g of this.groups.values()) {
          g.bodies.clear();
          g.outcomeParts.clear();
        }
        this.bodies = 0;
      }
      group.bodies.set(key, body);
      this.bodies++;
    }
    return body;
  }

  /**
   * `decisionBody` of the group under `facts`, made of kept parts: the group's own, the outcome
   * parts of another body with the same outcomes, and conditions copied for this one.
   */
  private workOut(group: PlanGroup, facts: Facts): DecisionBody {
    const outcomes = outcomesOf(group.plans, facts);
    const key = outcomesKey(outcomes.perState);
    let parts = key === null ? undefined : group.outcomeParts.get(key);
    if (parts === undefined) {
      const rules = traceRules(outcomes.perState);
      parts = keptOutcomeParts(
        outcomes.determining,
        group.states === null ? [] : outcomes.perState.map(byStateOf),
        rules,
        citationsOf(this.ruleSet, outcomes.determining, rules),
      );
      if (key !== null) group.outcomeParts.set(key, parts);
    }
    const { verdict, determining, conditions } = outcomes;
    const summary = summarize(verdict, determining, conditions, group.states);
    return keptBody(group.decisionTask, outcomes, summary, parts, group.coverage, this.ruleSet.digest);
  }

  /** A group whose key another group now has (two keys collided). */
  private drop(group: PlanGroup): void {
    this.plans -= group.plans.length;
    this.bodies -= group.bodies.size;
  }

  private startOver(): void {
    this.groups = new Map();
    this.plans = 0;
    this.bodies = 0;
  }
}
