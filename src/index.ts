/** The ma-check library: load rules, resolve a query, evaluate it; audit a roster. */
export { loadRules, type LoadOptions, type LoadResult } from './rules/load-rules.js';
export { evaluate } from './evaluate/evaluate.js';
export { createEvaluator, type Evaluator, type EvaluatorLimits } from './evaluate/evaluator.js';
export { explain } from './evaluate/explain.js';
export type { ExplainedState, ExplainedRule } from './domain/explanation.js';
export { resolveQuery, type QueryProblem, type ResolveResult } from './evaluate/resolve-query.js';
export { audit, type AuditOptions } from './audit/audit.js';
export { AuditTally } from './audit/audit-tally.js';
export { readRoster } from './roster/read-roster.js';
export type { AuditRecord, AuditDecision, AuditInvalid, AuditSummary, AuditRun } from './domain/audit.js';
export type { RosterItem, RosterRecord } from './domain/roster.js';
export type {
  Decision,
  DecisionCondition,
  ConditionTree,
  RuleTrace,
  CoverageEntry,
  StateVerdict,
  FactStatus,
} from './domain/decision.js';
export type { Diagnostic } from './domain/diagnostic.js';
export type { Query, QueryInput } from './domain/query.js';
export type { RuleSet, RuleData, RuleRecord, TaskDef, StateDef } from './domain/rule-set.js';
export { VERDICTS, type Verdict } from './domain/verdict.js';
export { SUPERVISION_LEVELS, type SupervisionLevel } from './domain/vocabulary.js';
