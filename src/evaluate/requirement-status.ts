import type { ConditionTree, FactStatus } from '../domain/decision.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { supervisionRank } from '../domain/vocabulary.js';
import type { Facts } from './facts.js';

/** Kleene "or": met if any is met, else unknown if any is unknown. */
const any = (statuses: Iterable<FactStatus>): FactStatus => {
  let result: FactStatus = 'unmet';
  for (const s of statuses) {
    if (s === 'met') return 'met';
    if (s === 'unknown') result = 'unknown';
  }
  return result;
};

/** Kleene "and": unmet if any is unmet, else unknown if any is unknown. */
const all = (statuses: Iterable<FactStatus>): FactStatus => {
  let result: FactStatus = 'met';
  for (const s of statuses) {
    if (s === 'unmet') return 'unmet';
    if (s === 'unknown') result = 'unknown';
  }
  return result;
};

/** A given node of a tree meets a required one at or above it; one above it is unknown; others are unmet. */
function inTree(
  lineage: Facts['ruleSet']['roleLineage'],
  given: string | null,
  required: readonly string[],
): FactStatus {
  if (given === null) return 'unknown';
  const line = lineage.get(given);
  if (required.some((id) => line?.has(id))) return 'met';
  return required.some((id) => lineage.get(id)?.has(given)) ? 'unknown' : 'unmet';
}

const not = (s: FactStatus): FactStatus => (s === 'met' ? 'unmet' : s === 'unmet' ? 'met' : 'unknown');

/** A credential is held when listed, or when it is derived and its definition is met. */
function holds(facts: Facts, id: string): FactStatus {
  if (facts.credentials?.held.includes(id)) return 'met';
  const derivedFrom = facts.ruleSet.credentials.get(id)?.derivedFrom;
  if (derivedFrom) {
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

/** Three-valued status of one requirement entry under the query's facts (docs/design.md). */
export function statusOf(req: Requirement, facts: Facts): FactStatus {
  if (req.credential) {
    const need = req.credential;
    if ('anyOf' in need) return any(need.anyOf.map((id) => holds(facts, id)));
    // Only credentials the query names count here: a derived status from another state's
    // definition must not quietly stand in for the clinical certification a rule asks for.
    const { credentials } = facts;
    if (credentials === null) return 'unknown';
    for (const id of credentials.held) {
      const c = facts.ruleSet.credentials.get(id);
      if (c && c.scope === need.scope && (!need.issuers || need.issuers.includes(c.issuer))) return 'met';
    }
    return credentials.open ? 'unknown' : 'unmet';
  }
  if (req.supervision) {
    return facts.supervision === null
      ? 'unknown'
      : facts.supervision >= supervisionRank(req.supervision.atLeast)
        ? 'met'
        : 'unmet';
  }
  if (req.training) {
    const { trainings } = facts;
    if (trainings === null) return 'unknown';
    if (req.training.anyOf.some((id) => trainings.held.includes(id))) return 'met';
    return trainings.open ? 'unknown' : 'unmet';
  }
  if (req.delegator) return inTree(facts.ruleSet.roleLineage, facts.delegator, req.delegator.anyOf);
  if (req.setting) {
    const lineage = facts.ruleSet.settingLineage;
    return 'anyOf' in req.setting
      ? inTree(lineage, facts.setting, req.setting.anyOf)
      : not(inTree(lineage, facts.setting, req.setting.noneOf));
  }
  if (req.condition !== undefined)
    return facts.confirmed.includes(req.condition) ? 'met' : facts.denied.includes(req.condition) ? 'unmet' : 'unknown';
  if (req.anyOf) return any(req.anyOf.map((r) => statusOf(r, facts)));
  if (req.allOf) return all(req.allOf.map((r) => statusOf(r, facts)));
  return 'unknown';
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
