import { isStateCode } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { quoted } from '../domain/shown-value.js';

/**
 * Refuses a part of the space that names what is not there: a task none of the rule sets has, or
 * a jurisdiction that is not one of the 50 states and DC. Deciding it anyway would give rows for a
 * task nothing decides (a diff would call them added, with nothing before or after) or for a
 * state that does not exist. A RangeError, as for any argument out of its range: the caller's
 * mistake, which the CLI never makes (it resolves names first and says what was meant).
 */
export function checkSpaceOptions(
  ruleSets: readonly RuleSet[],
  // The part of `SpaceOptions` (query-space.ts) checked, named here so the two files do not import each other.
  options: { readonly tasks?: readonly string[]; readonly jurisdictions?: readonly string[] },
): void {
  for (const task of options.tasks ?? [])
    if (!ruleSets.some((ruleSet) => ruleSet.tasks.has(task)))
      throw new RangeError(`unknown task ${quoted(task)}: no rule set of the space has it`);
  for (const code of options.jurisdictions ?? [])
    if (!isStateCode(code)) throw new RangeError(`unknown jurisdiction ${quoted(code)}: not the code of a state or DC`);
}
