import type {
  DatasetCitation,
  DatasetDecision,
  DatasetJurisdiction,
  DatasetRule,
  DatasetSpace,
  DatasetTables,
} from '../domain/dataset.js';
import type { Decision } from '../domain/decision.js';
import type { DecisionRow, ProfileGridSummary } from '../domain/query-space.js';
import type { RuleSet } from '../domain/rule-set.js';
import { selectTasks } from '../domain/select-tasks.js';
import { createEvaluator } from '../evaluate/evaluator.js';
import { sourceStats } from '../evaluate/source-stats.js';
import { stateProfile } from '../evaluate/state-profile.js';
import { checkSpaceOptions } from './check-space-options.js';
import { decisionRow } from './decision-row.js';
import { gridSummary, profileGrid } from './profile-grid.js';
import { ALL_JURISDICTIONS, querySpace, type SpaceOptions } from './query-space.js';

/** The dataset of one part of the query space: its tables, and what the manifest says of the space. */
export interface ExportedDataset {
  /** `RuleSet.digest` of the rules decided. */
  readonly rulesDigest: string;
  readonly asOf: string;
  readonly space: DatasetSpace;
  readonly grid: ProfileGridSummary;
  readonly tables: DatasetTables;
}

/**
 * The open dataset of the query space (`ma-check export`): every point's decision, every rule and
 * citation of the rule set (however narrow the space: a rule's row says which tasks it selects),
 * and the jurisdictions of the space, as plain rows. Pure: the same rule set and options give
 * deep-equal tables. A task the rule set lacks, or a code that is no state's, is a RangeError.
 */
export function exportDataset(ruleSet: RuleSet, options: SpaceOptions): ExportedDataset {
  checkSpaceOptions([ruleSet], options);
  const jurisdictions = options.jurisdictions ?? ALL_JURISDICTIONS;
  return {
    rulesDigest: ruleSet.digest,
    asOf: options.asOf,
    space: {
      tasks: options.tasks ?? [...ruleSet.tasks.keys()],
      jurisdictions,
      fixed: options.fixed ?? {},
      overlays: ruleSet.data.overlays.map((overlay) => overlay.name),
    },
    grid: gridSummary(profileGrid([ruleSet], options.fixed)),
    tables: {
      decisions: decisionRecords(ruleSet, options),
      rules: ruleRecords(ruleSet),
      citations: citationRecords(ruleSet),
      jurisdictions: jurisdictions.map((code) => jurisdictionRecord(ruleSet, code, options.asOf)),
    },
  };
}

/**
 * `decisionRow`, made once for the decisions that share their parts. The evaluator gives every
 * query that reads the same facts the same frozen parts (docs/architecture.md), so 120,000 points
 * come to about 10,000 distinct rows: making each once, and sharing its lists between the rows
 * that say the same, was measured to save a third of the export's time, most of it the garbage
 * collector's. A row is reused only when every part it is made of is the very same frozen object
 * (or the same verdict and confidence); a decision whose parts are not frozen is not remembered.
 */
function sharedRows(): (decision: Decision) => DecisionRow {
  const known = new WeakMap<Decision['conditions'], { decision: Decision; row: DecisionRow }>();
  return (decision) => {
    const seen = known.get(decision.conditions);
    if (
      seen !== undefined &&
      seen.decision.determinedBy === decision.determinedBy &&
      seen.decision.citations === decision.citations &&
      seen.decision.verdict === decision.verdict &&
      seen.decision.confidence === decision.confidence
    )
      return seen.row;
    const row = decisionRow(decision);
    if ([decision.conditions, decision.determinedBy, decision.citations].every(Object.isFrozen))
      known.set(decision.conditions, { decision, row });
    return row;
  };
}

function decisionRecords(ruleSet: RuleSet, options: SpaceOptions): DatasetDecision[] {
  const evaluator = createEvaluator(ruleSet);
  const rowOf = sharedRows();
  const records: DatasetDecision[] = [];
  for (const { task, jurisdiction, profile, query } of querySpace(ruleSet, options)) {
    const row = rowOf(evaluator.evaluate(query));
    // Keys in the codebook's column order, so the rows read as the files do (a test holds them equal).
    records.push({
      task,
      jurisdiction,
      credential: profile.credential,
      supervision: profile.supervision,
      delegator: profile.delegator,
      training: profile.training,
      verdict: row.verdict,
      confidence: row.confidence,
      determined_by: row.determinedBy,
      to_verify: row.toVerify,
      unmet: row.unmet,
      citations: row.citations,
    });
  }
  return records;
}

function ruleRecords(ruleSet: RuleSet): DatasetRule[] {
  const { tasks, rules } = ruleSet.data;
  return rules.map((rule) => ({
    id: rule.id,
    layer: rule.layer,
    owner: rule.owner,
    basis: rule.basis,
    verdict: rule.verdict ?? null,
    confidence: rule.confidence,
    tasks: selectTasks(rule, tasks),
    effective: rule.effective ?? null,
    until: rule.until ?? null,
    supersedes: rule.supersedes ?? [],
    cites: rule.cites,
    reviewed: rule.reviewed ?? null,
    summary: rule.summary,
  }));
}

function citationRecords(ruleSet: RuleSet): DatasetCitation[] {
  const citing = new Map<string, number>();
  for (const rule of ruleSet.data.rules)
    for (const id of new Set(rule.cites)) citing.set(id, (citing.get(id) ?? 0) + 1);
  return ruleSet.data.citations.map((c) => ({
    id: c.id,
    kind: c.kind,
    source: c.source,
    title: c.title,
    publisher: c.publisher,
    year: c.year ?? null,
    section: c.section ?? null,
    url: c.url ?? null,
    locator: c.locator ?? null,
    reviewed: c.reviewed,
    rules_citing: citing.get(c.id) ?? 0,
  }));
}

/** A jurisdiction as `ma-check states` measures it: the same two functions, on the same date. */
function jurisdictionRecord(ruleSet: RuleSet, code: string, asOf: string): DatasetJurisdiction {
  const profile = stateProfile(ruleSet, code);
  const stats = sourceStats(ruleSet, code, asOf);
  return {
    code,
    name: profile.name,
    coverage: profile.coverage,
    reviewed: profile.reviewed,
    delegation: stats.delegation,
    rules: profile.rules.length,
    law_rules: stats.lawRules,
    law_rules_official: stats.lawRulesOfficial,
    law_rules_official_text: stats.lawRulesOfficialText,
    state_determined: stats.stateDetermined,
    state_governed: stats.stateGoverned,
  };
}
