import { STATES } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { selectTasks } from '../domain/select-tasks.js';
import type { StateProfile } from '../domain/state-profile.js';
import { stateCitationIds } from '../domain/state-sources.js';
import { describeRequirement } from './describe-requirement.js';

/** Credential ids a requirement names, at any depth. */
const credentialIds = (req: Requirement): string[] => [
  ...(req.credential && 'anyOf' in req.credential ? req.credential.anyOf : []),
  ...(req.anyOf ?? []).flatMap(credentialIds),
  ...(req.allOf ?? []).flatMap(credentialIds),
];

/** The profile of a state code, whether or not the rules have a file for it. */
export function stateProfile(ruleSet: RuleSet, code: string): StateProfile {
  const state = ruleSet.states.get(code);
  const rules = ruleSet.data.rules
    .filter((r) => r.layer === 'state' && r.owner === code)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const named = new Set(rules.flatMap((r) => [...(r.requires ?? []), ...(r.unless ?? [])].flatMap(credentialIds)));
  const credentials = ruleSet.data.credentials
    .filter((c) => c.jurisdiction === code || named.has(c.id))
    .map(({ id, name, issuer, scope }) => ({ id, name, issuer, scope }));
  const citeIds = stateCitationIds(state, rules);
  const d = state?.delegation;
  return {
    code,
    name: state?.name ?? STATES[code] ?? code,
    coverage: state?.coverage ?? 'none',
    reviewed: state?.reviewed ?? null,
    delegators: state?.delegators ?? [],
    delegation: d
      ? {
          found: !d.none,
          summary: d.summary,
          delegators: d.delegators ?? [],
          exclusive: !d.none && d.exclusive !== false,
          confidence: d.confidence,
          cites: d.cites,
        }
      : null,
    definitions: state?.definitions ?? [],
    credentials,
    rules: rules.map((r) => ({
      id: r.id,
      basis: r.basis,
      confidence: r.confidence,
      summary: r.summary,
      tasks: selectTasks(r, ruleSet.data.tasks),
      verdict: r.verdict ?? null,
      unless: (r.unless ?? []).map(describeRequirement),
      requires: (r.requires ?? []).map(describeRequirement),
      effective: r.effective ?? null,
      until: r.until ?? null,
      cites: r.cites,
    })),
    notes: state?.notes ?? [],
    conflicts: state?.conflicts ?? [],
    citations: citeIds.flatMap((id) => ruleSet.citations.get(id) ?? []),
  };
}
