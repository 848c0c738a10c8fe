import type { Query } from '../domain/query.js';
import type { RuleRecord, RuleSet, TaskDef } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { type DecisionBody, decisionBody, taskOf } from './evaluate.js';
import { factReads, readsKey } from './fact-reads.js';
import type { Facts } from './facts.js';
import { keptBody, keptPlan } from './kept-copies.js';
import { buildPlan, type Plan } from './plan.js';
import { sameList } from './query-keys.js';
import type { StatusCheck } from './requirement-status.js';

/** What every decision on one task, in one list of states, on one date shares. */
export interface PlanGroup {
  readonly task: TaskDef;
  readonly asOf: string;
  /** A frozen copy of the states, which every decision of the group shows in its query. */
  readonly states: readonly string[] | null;
  /** One plan per state, or the plan for no state. */
  readonly plans: readonly Plan[];
  /** What the plans' rules read of the facts (`factReads`). */
  readonly reads: readonly StatusCheck[];
  /** Bodies worked out so far, by what the reads came to (`readsKey`). */
  readonly bodies: Map<number | string, DecisionBody>;
}

/** How much the shared bodies may hold; each kind starts over when full. */
export interface SharedBodyLimits {
  plans: number;
  bodies: number;
}

const isGroupOf = (g: PlanGroup, q: Query): boolean =>
  g.task.id === q.task && g.asOf === q.asOf && sameList(g.states, q.states);

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
  private plans = 0;
  private bodies = 0;

  constructor(
    private readonly ruleSet: RuleSet,
    private readonly limits: SharedBodyLimits,
  ) {}

  /** The group of the query's task, states and date (whose key is `key`), its plans built on first need. */
  groupOf(key: number, query: Query): PlanGroup {
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
      states: query.states && Object.freeze([...query.states]),
      plans,
      reads: factReads(plans),
      bodies: new Map(),
    };
    this.groups.set(key, group);
    this.plans += plans.length;
    return group;
  }

  /** The group's body for `facts`, worked out and frozen on first need. */
  bodyOf(group: PlanGroup, facts: Facts): DecisionBody {
    const key = readsKey(group.reads, facts);
    let body = group.bodies.get(key);
    if (body === undefined) {
      body = keptBody(decisionBody(this.ruleSet, group.task, group.states, group.plans, facts));
      if (this.bodies >= this.limits.bodies) {
        for (const g of this.groups.values()) g.bodies.clear();
        this.bodies = 0;
      }
      group.bodies.set(key, body);
      this.bodies++;
    }
    return body;
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
