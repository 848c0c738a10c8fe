import { join } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleSet } from '../domain/rule-set.js';
import { checkCaseReferences, type QueryNameProblem } from './check-case-references.js';
import type { LintOptions } from './lint.js';
import { type LoadedCase, loadCases } from './load-cases.js';
import { loadRules } from './load-rules.js';

/** A folder `validate` checks: a full rule set (`root`) with overlays on it, and the folder whose `cases/` go with it. */
export interface ValidationTarget {
  dir: string;
  root: string;
  overlays: readonly string[];
}

export interface ValidateTargetOptions {
  /** Paths in findings are relative to this folder. */
  cwd: string;
  lint: LintOptions;
}

/**
 * How the names of a case's query are resolved against a rule set: supplied by the caller, since
 * the evaluator's resolver is a layer this one does not reach.
 */
export type CaseQueries = (ruleSet: RuleSet, today: string) => (c: LoadedCase) => readonly QueryNameProblem[];

/** What validating one target found: its findings and the files it read, or the folder that is missing. */
export type TargetFindings =
  | { missing?: undefined; diagnostics: Diagnostic[]; files: string[] }
  | { missing: string; reason: string };

/**
 * Everything `validate` checks in one target: its rules (with the lint warnings), its cases, and
 * the ids the cases name. Plain data comes back, so a worker thread can do this (validate-targets.ts).
 */
export function validateTarget(
  target: ValidationTarget,
  options: ValidateTargetOptions,
  caseQueries: CaseQueries,
): TargetFindings {
  const { cwd, lint } = options;
  const result = loadRules({ root: target.root, overlays: target.overlays, cwd, lint });
  if (result.missing !== undefined) return { missing: result.missing, reason: result.reason };
  const cases = loadCases(join(target.dir, 'cases'), cwd);
  const diagnostics = [...result.diagnostics, ...cases.diagnostics];
  // With the rules broken, an id a case names may be defined in the broken file: not reported.
  if (result.ok)
    diagnostics.push(...checkCaseReferences(result.ruleSet, cases.cases, caseQueries(result.ruleSet, lint.today)));
  return { diagnostics, files: [...result.files, ...cases.files] };
}
