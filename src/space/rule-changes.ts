import { canonicalJson } from '../domain/canonical-json.js';
import type { RuleSet } from '../domain/rule-set.js';
import type { RuleChange } from '../domain/rule-set-diff.js';

const byId = (a: RuleChange, b: RuleChange): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Every rule added, removed or edited from `base` to `head`, by id. A rule is the same rule when
 * its id is; it is edited when its record differs in anything (canonical JSON, so the order its
 * keys were written in does not count).
 */
export function ruleChanges(base: RuleSet, head: RuleSet): RuleChange[] {
  if (base.digest === head.digest) return [];
  const changes: RuleChange[] = [];
  for (const [id, rule] of head.rules) {
    const before = base.rules.get(id);
    if (before === undefined) changes.push({ id, change: 'added' });
    else if (canonicalJson(before) !== canonicalJson(rule)) changes.push({ id, change: 'edited' });
  }
  for (const id of base.rules.keys()) if (!head.rules.has(id)) changes.push({ id, change: 'removed' });
  return changes.sort(byId);
}
