/** The ma-check library: load rules, resolve a query, evaluate it; audit a roster. */

export { type AuditOptions, audit } from './audit/audit.js';
export { AuditTally } from './audit/audit-tally.js';
export type { AuditDecision, AuditInvalid, AuditRecord, AuditRun, AuditSummary } from './domain/audit.js';
export {
  DATASET_FORMATS,
  DATASET_TABLES,
  type DatasetCitation,
  type DatasetDecision,
  type DatasetFixedProfile,
  type DatasetFormat,
  type DatasetJurisdiction,
  type DatasetRule,
  type DatasetSpace,
  type DatasetTable,
  type DatasetTables,
} from './domain/dataset.js';
export { DATASET_COLUMNS, type DatasetColumn } from './domain/dataset-columns.js';
export type { DatasetFileEntry, DatasetManifest } from './domain/dataset-manifest.js';
export type {
  ConditionTree,
  CoverageEntry,
  Decision,
  DecisionCondition,
  FactStatus,
  RuleTrace,
  StateVerdict,
} from './domain/decision.js';
export type { Diagnostic } from './domain/diagnostic.js';
export type { ExplainedRule, ExplainedState } from './domain/explanation.js';
export type { Matrix, MatrixAxis, MatrixRow } from './domain/matrix.js';
export type { Query, QueryInput } from './domain/query.js';
export {
  ANY_VALUE,
  type DecisionRow,
  NONE_VALUE,
  PROFILE_AXES,
  type ProfileAxis,
  type ProfileGridSummary,
  type ProfileLabels,
  type SpacePoint,
} from './domain/query-space.js';
export type { RosterItem, RosterRecord } from './domain/roster.js';
export type { RuleData, RuleRecord, RuleSet, StateDef, TaskDef } from './domain/rule-set.js';
export type {
  ChangeCounts,
  ChangeDirection,
  DecisionChange,
  DiffReport,
  DiffSide,
  RowPart,
  RuleChange,
  RuleChangeKind,
  RuleSetDiff,
  RuleSetDiffSummary,
} from './domain/rule-set-diff.js';
export { VERDICTS, type Verdict } from './domain/verdict.js';
export { SUPERVISION_LEVELS, type SupervisionLevel } from './domain/vocabulary.js';
export { evaluate } from './evaluate/evaluate.js';
export { createEvaluator, type Evaluator, type EvaluatorLimits } from './evaluate/evaluator.js';
export { explain } from './evaluate/explain.js';
export { type QueryProblem, type ResolveResult, resolveQuery } from './evaluate/resolve-query.js';
export { readRoster } from './roster/read-roster.js';
export { type LoadOptions, type LoadResult, loadRules } from './rules/load-rules.js';
export { datasetManifest } from './space/dataset-manifest.js';
export { decisionRow } from './space/decision-row.js';
export { type DiffOptions, diffRuleSets } from './space/diff-rule-sets.js';
export { type ExportedDataset, exportDataset } from './space/export-dataset.js';
export { type MatrixOptions, matrix } from './space/matrix.js';
export { type FixedProfile, type ProfileGrid, profileGrid } from './space/profile-grid.js';
export {
  cellPoints,
  cellSize,
  querySpace,
  type SpaceCell,
  type SpaceOptions,
  spaceCells,
} from './space/query-space.js';
