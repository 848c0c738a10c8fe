import { canonicalJson } from '../domain/canonical-json.js';
import type { RuleData, RuleSet } from '../domain/rule-set.js';

/**
 * Sections of the rule data a decision row never reads as a whole: `rules` and `states` are
 * compared cell by cell (the rules selecting the task there, the state's own profile); a row
 * holds citations by id only, and a condition is matched by id, so what a citation or a condition
 * says cannot move a row. Every other section (tasks, credentials, trainings, roles, settings,
 * tags, overlays, the jurisdiction gap, and any section added later) can, so it is compared.
 */
const PER_CELL_OR_UNREAD: ReadonlySet<string> = new Set<keyof RuleData>(['rules', 'states', 'citations', 'conditions']);

/** Whether the two rule sets define alike everything a decision reads besides the cell's own rules and state. */
export function sameDefinitions(base: RuleSet, head: RuleSet): boolean {
  if (base.digest === head.digest) return true;
  const keys = new Set([...Object.keys(base.data), ...Object.keys(head.data)]);
  for (const key of keys) {
    if (PER_CELL_OR_UNREAD.has(key)) continue;
    const section = key as keyof RuleData;
    if (canonicalJson(base.data[section]) !== canonicalJson(head.data[section])) return false;
  }
  return true;
}

/** The states whose own profile (not their rules) differs between the two rule sets, added and removed ones included. */
export function changedStates(base: RuleSet, head: RuleSet): Set<string> {
  const changed = new Set<string>();
  if (base.digest === head.digest) return changed;
  for (const code of new Set([...base.states.keys(), ...head.states.keys()])) {
    const before = base.states.get(code);
    const after = head.states.get(code);
    if (before === undefined || after === undefined || canonicalJson(before) !== canonicalJson(after))
      changed.add(code);
  }
  return changed;
}
