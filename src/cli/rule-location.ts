import { join, resolve } from 'node:path';
import type { CommandContext } from './context.js';
import type { RuleLocation } from './load-rule-set.js';

/** The shipped rules, their build snapshot and any overlays named with `--rules`. */
export function ruleLocation(context: CommandContext, overlays: readonly string[] = []): RuleLocation {
  const root = context.install.packageRoot;
  return {
    rulesDir: join(root, 'rules'),
    snapshotPath: join(root, 'dist', 'rules.snapshot.json'),
    overlays: overlays.map((dir) => resolve(context.io.cwd, dir)),
    cwd: context.io.cwd,
  };
}
