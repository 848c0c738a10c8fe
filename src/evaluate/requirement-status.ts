import type { ConditionTree, FactStatus } from '../domain/decision.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { supervisionRank } from '../domain/vocabulary.js';
import type { Facts } from './facts.js';

/** A given node of a tree meets a required one at or above it; one above it is unknown; others are unmet. */
function inTree(
  lineage: Facts['ruleSet']['roleLineage'],
  given: string | null,
  required: readonly string[],
): FactStatus {
  if (given === null) return 'unknown';
  const line = lineage.get(given);
  if (line !== undefined) for (const id of required) if (line.has(id)) return 'met';
  for (const id of required) if (lineage.get(id)?.has(given)) return 'unknown';
  return 'unmet';
}

const not = (s: FactStatus): FactStatus => (s === 'met' ? 'unmet' : s === 'unmet' ? 'met' : 'unknown');

/** A credential is held when listed, or when it is derived and its definition is met. */
function holds(facts: Facts, id: string): FactStatus {
  if (facts.credentials?.held.includes(id)) return 'met';
  const derivedFrom = facts.ruleSet.credentials.get(id)?.derivedFrom;
  if (derivedFrom) {
    facts.derived ??= new Map();
    let status = facts.derived.get(id);
    if (status === undefined) {
      facts.derived.set(id, 'unknown'); // guards a cycle the loader would already have refused
      status = statusOf(derivedFrom, facts);
      facts.derived.set(id, status);
    }
    if (status !== 'unmet') return status;
  }
  return facts.credentials === null || facts.credentials.open ? 'unknown' : 'unmet';
}

/** Kleene "or" over the credentials of a list: held if any one is. */
function holdsAny(facts: Facts, ids: readonly string[]): FactStatus {
  let result: FactStatus = 'unmet';
  for (const id of ids) {
    const s = holds(facts, id);
    if (s === 'met') return 'met';
    if (s === 'unknown') result = 'unknown';
  }
  return result;
}

/** Kleene "or" (`any`) or "and" (`all`) of a group's entries. */
function groupStatus(entries: readonly Requirement[], facts: Facts, combine: 'any' | 'all'): FactStatus {
  const stop: FactStatus = combine === 'any' ? 'met' : 'unmet';
  let result: FactStatus = combine === 'any' ? 'unmet' : 'met';
  for (const entry of entries) {
    const s = statusOf(entry, facts);
    if (s === stop) return stop;
    if (s === 'unknown') result = 'unknown';
  }
  return result;
}

/** Only credentials the query names count here: a derived status from another state's definition must not quietly stand in for the clinical certification a rule asks for. */
function scopeHeld(facts: Facts, need: { scope: string; issuers?: readonly string[] }): FactStatus {
  const { credentials } = facts;
  if (credentials === null) return 'unknown';
  for (const id of credentials.held) {
    const c = facts.ruleSet.credentials.get(id);
    if (c && c.scope === need.scope && (!need.issuers || need.issuers.includes(c.issuer))) return 'met';
  }
  return credentials.open ? 'unknown' : 'unmet';
}

const supervisionMeets = (facts: Facts, rank: number): FactStatus =>
  facts.supervision === null ? 'unknown' : facts.supervision >= rank ? 'met' : 'unmet';

function trainingHeld(facts: Facts, anyOf: readonly string[]): FactStatus {
  const { trainings } = facts;
  if (trainings === null) return 'unknown';
  for (const id of anyOf) if (trainings.held.includes(id)) return 'met';
  return trainings.open ? 'unknown' : 'unmet';
}

const settingFits = (facts: Facts, need: { anyOf: readonly string[] } | { noneOf: readonly string[] }): FactStatus =>
  'anyOf' in need
    ? inTree(facts.ruleSet.settingLineage, facts.setting, need.anyOf)
    : not(inTree(facts.ruleSet.settingLineage, facts.setting, need.noneOf));

const conditionHolds = (facts: Facts, id: string): FactStatus =>
  facts.confirmed.includes(id) ? 'met' : facts.denied.includes(id) ? 'unmet' : 'unknown';

/** Three-valued status of one requirement entry under the query's facts (docs/design.md). */
export function statusOf(req: Requirement, facts: Facts): FactStatus {
  if (req.credential)
    return 'anyOf' in req.credential ? holdsAny(facts, req.credential.anyOf) : scopeHeld(facts, req.credential);
  if (req.supervision) return supervisionMeets(facts, supervisionRank(req.supervision.atLeast));
  if (req.training) return trainingHeld(facts, req.training.anyOf);
  if (req.delegator) return inTree(facts.ruleSet.roleLineage, facts.delegator, req.delegator.anyOf);
  if (req.setting) return settingFits(facts, req.setting);
  if (req.condition !== undefined) return conditionHolds(facts, req.condition);
  if (req.anyOf) return groupStatus(req.anyOf, facts, 'any');
  if (req.allOf) return groupStatus(req.allOf, facts, 'all');
  return 'unknown';
}

/** `statusOf` for one requirement, its kind looked at once: for checking the same entry against many queries' facts. */
export type StatusCheck = (facts: Facts) => FactStatus;

export function statusCheck(req: Requirement): StatusCheck {
  if (req.credential) {
    const need = req.credential;
    return 'anyOf' in need ? (f) => holdsAny(f, need.anyOf) : (f) => scopeHeld(f, need);
  }
  if (req.supervision) {
    const rank = supervisionRank(req.supervision.atLeast);
    return (f) => supervisionMeets(f, rank);
  }
  if (req.training) {
    const anyOf = req.training.anyOf;
    return (f) => trainingHeld(f, anyOf);
  }
  if (req.delegator) {
    const anyOf = req.delegator.anyOf;
    return (f) => inTree(f.ruleSet.roleLineage, f.delegator, anyOf);
  }
  if (req.setting) {
    const need = req.setting;
    return (f) => settingFits(f, need);
  }
  if (req.condition !== undefined) {
    const id = req.condition;
    return (f) => conditionHolds(f, id);
  }
  return (f) => statusOf(req, f);
}

/** The requirement in the decision's words, with the status of it and of every part of a group. */
export function conditionTree(req: Requirement, facts: Facts): ConditionTree {
  const status = statusOf(req, facts);
  if (req.anyOf || req.allOf) {
    return {
      kind: req.anyOf ? 'anyOf' : 'allOf',
      of: (req.anyOf ?? req.allOf)!.map((r) => conditionTree(r, facts)),
      status,
    };
  }
  if (req.credential)
    return { kind: 'credential', requires: 'anyOf' in req.credential ? req.credential.anyOf : req.credential, status };
  if (req.supervision) return { kind: 'supervision', requires: req.supervision.atLeast, status };
  if (req.training) return { kind: 'training', requires: req.training.anyOf, status };
  if (req.delegator) return { kind: 'delegator', requires: req.delegator.anyOf, status };
  if (req.setting)
    return { kind: 'setting', requires: 'anyOf' in req.setting ? req.setting.anyOf : req.setting, status };
  return { kind: 'condition', requires: req.condition ?? '', status };
}
