import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleSet } from '../domain/rule-set.js';
import { readSnapshot } from '../rules/snapshot.js';
import { InvalidRulesError, NoInputError } from './errors.js';

export interface RuleLocation {
  rulesDir: string;
  snapshotPath: string;
  overlays: readonly string[];
  cwd: string;
}

/**
 * The rule set a command evaluates against: the build's snapshot when it matches the shipped
 * files and no overlay is added, otherwise the YAML itself, parsed and validated.
 */
export async function loadRuleSet(where: RuleLocation): Promise<{ ruleSet: RuleSet; warnings: Diagnostic[] }> {
  if (where.overlays.length === 0) {
    const snapshot = await readSnapshot(where.snapshotPath, where.rulesDir);
    if (snapshot.fresh) return { ruleSet: snapshot.ruleSet, warnings: [] };
  }
  const { loadRules } = await import('./heavy.js');
  const result = loadRules({ root: where.rulesDir, overlays: where.overlays, cwd: where.cwd });
  if (result.missing !== undefined) throw new NoInputError(`${result.reason}: ${result.missing}`);
  if (!result.ok) throw new InvalidRulesError(result.diagnostics);
  return { ruleSet: result.ruleSet, warnings: result.diagnostics };
}
