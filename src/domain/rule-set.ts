import type { Citation, ConditionDef, Credential, Tag, Training, TreeNode } from './schema/definitions.js';
import type { OverlayFile, StateFile, TaskFile } from './schema/files.js';
import type { SelectingRule } from './schema/rule.js';
import type { CoverageLevel, Layer } from './vocabulary.js';

/** A task's definition without its rules (those live in `RuleData.rules`). */
export type TaskDef = Omit<TaskFile, 'rules'>;

/**
 * A jurisdiction's profile without its rules and definitions (those join the rule set's lists),
 * with what the loader derives: coverage, the latest review date, the delegators.
 */
export type StateDef = Omit<StateFile, 'rules' | 'credentials' | 'trainings' | 'conditions' | 'citations'> & {
  coverage: CoverageLevel;
  /** The latest day any of the state's sources was read, or null when it has none. */
  reviewed: string | null;
  /** Who may delegate under the state's general provision (empty when none is encoded). */
  delegators: string[];
};

export type OverlayDef = OverlayFile;

/** A rule as the evaluator sees it: every rule selects explicitly and knows its layer and owner. */
export type RuleRecord = SelectingRule & {
  layer: Layer;
  /** `US` for national rules, the state code, or the overlay name. */
  owner: string;
  /** Sources of the state's supervision definitions the rule names, beyond its own `cites`. */
  definitionCites?: string[];
};

/**
 * The validated rule set as plain, serializable data: what the snapshot stores and the digest covers.
 * Positions are not part of it; the loader keeps them aside.
 */
export interface RuleData {
  tasks: TaskDef[];
  credentials: Credential[];
  trainings: Training[];
  conditions: ConditionDef[];
  citations: Citation[];
  tags: Tag[];
  roles: TreeNode[];
  settings: TreeNode[];
  states: StateDef[];
  overlays: OverlayDef[];
  /** National, then state, then overlay rules; in file order within each. */
  rules: RuleRecord[];
  jurisdictionGap: { cites: string[] };
}

/** The rules that select one task, by layer, each list ordered by rule id. */
export interface TaskRules {
  national: readonly RuleRecord[];
  byState: ReadonlyMap<string, readonly RuleRecord[]>;
  /** One list per overlay, in overlay order. */
  overlays: readonly (readonly RuleRecord[])[];
}

/** An immutable, indexed rule set. Built once from `RuleData`; read by the evaluator. */
export interface RuleSet {
  readonly data: RuleData;
  /** `sha256:<hex>` of the canonical JSON of `data`. */
  readonly digest: string;
  readonly tasks: ReadonlyMap<string, TaskDef>;
  readonly credentials: ReadonlyMap<string, Credential>;
  readonly trainings: ReadonlyMap<string, Training>;
  readonly conditions: ReadonlyMap<string, ConditionDef>;
  readonly citations: ReadonlyMap<string, Citation>;
  readonly roles: ReadonlyMap<string, TreeNode>;
  readonly settings: ReadonlyMap<string, TreeNode>;
  readonly states: ReadonlyMap<string, StateDef>;
  readonly rules: ReadonlyMap<string, RuleRecord>;
  /** The rules that select a task, by layer; indexed on first use, since a query needs one task. */
  rulesOf(taskId: string): TaskRules;
  /** Each role or setting id mapped to itself and its ancestors. */
  readonly roleLineage: ReadonlyMap<string, ReadonlySet<string>>;
  readonly settingLineage: ReadonlyMap<string, ReadonlySet<string>>;
  /** Each training id mapped to itself and every training it satisfies, transitively. */
  readonly trainingMeets: ReadonlyMap<string, ReadonlySet<string>>;
}
