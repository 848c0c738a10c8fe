import { STATES } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { CATEGORIES } from '../domain/vocabulary.js';
import type { SiteChoices } from '../format/site-checker-form.js';
import type { Choice } from '../format/site-form-fields.js';

/** Code-point order, so that the pages do not depend on the machine's locale. */
const byLabel = (a: Choice, b: Choice): number => (a.label < b.label ? -1 : a.label > b.label ? 1 : 0);

/** What the site offers to pick, from the rule set: tasks by category, states, credentials, trainings, roles, settings. */
export function siteChoices(ruleSet: RuleSet): SiteChoices {
  const tasks = [...ruleSet.tasks.values()];
  const credentials = [...ruleSet.credentials.values()];
  return {
    taskGroups: CATEGORIES.map((category) => ({
      label: category,
      choices: tasks
        .filter((t) => t.category === category)
        .map((t) => ({ value: t.id, label: t.name }))
        .sort(byLabel),
    })).filter((group) => group.choices.length > 0),
    states: Object.entries(STATES).map(([code, name]) => ({ value: code, label: `${name} (${code})` })),
    nationalCredentials: credentials
      .filter((c) => c.jurisdiction === undefined)
      .map((c) => ({ value: c.id, label: `${c.id}: ${c.name}` })),
    stateCredentials: credentials
      .filter((c) => c.jurisdiction !== undefined)
      .map((c) => ({ value: c.id, label: `${c.jurisdiction} ${c.id}: ${c.name}` }))
      .sort(byLabel),
    trainings: [...ruleSet.trainings.values()].map((t) => ({
      value: t.id,
      label: `${t.jurisdiction ? `${t.jurisdiction} ` : ''}${t.name}`,
    })),
    roles: [...ruleSet.roles.values()].map((r) => ({ value: r.id, label: `${r.name} (${r.id})` })),
    settings: [...ruleSet.settings.values()].map((s) => ({ value: s.id, label: `${s.name} (${s.id})` })),
  };
}
