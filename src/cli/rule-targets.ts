import { resolve } from 'node:path';
import { isFullRuleSet } from '../rules/list-sources.js';
import type { CommandContext } from './context.js';
import { ruleLocation } from './rule-location.js';

/** What `validate`/`test DIR` checks: a full rule set, or an overlay on top of the shipped rules. */
export interface RuleTarget {
  dir: string;
  root: string;
  overlays: string[];
}

export function ruleTargets(context: CommandContext, dirs: readonly string[]): RuleTarget[] {
  const shipped = ruleLocation(context).rulesDir;
  const wanted = dirs.length > 0 ? dirs.map((d) => resolve(context.io.cwd, d)) : [shipped];
  return wanted.map((dir) =>
    isFullRuleSet(dir) ? { dir, root: dir, overlays: [] } : { dir, root: shipped, overlays: [dir] },
  );
}
