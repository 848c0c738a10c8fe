import { join } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { NoInputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { diagnosticLine } from '../print-error.js';
import { ruleTargets } from '../rule-targets.js';

/** `ma-check validate [DIR...]`: every problem in the rule and case files, each at file:line:col. */
export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check rule files (a full rule set, or an overlay on the shipped rules) and their cases')
    .argument('[dirs...]', 'rule folders (default: the shipped rules)')
    .action(async (dirs: string[]) => {
      const { loadRules, loadCases } = await import('../heavy.js');
      const diagnostics: Diagnostic[] = [];
      for (const target of ruleTargets(context, dirs)) {
        const result = loadRules({ root: target.root, overlays: target.overlays, cwd: context.io.cwd });
        if (result.missing !== undefined) throw new NoInputError(`no such folder: ${result.missing}`);
        diagnostics.push(...result.diagnostics, ...loadCases(join(target.dir, 'cases'), context.io.cwd).diagnostics);
      }
      for (const d of diagnostics) context.io.out(`${diagnosticLine(d)}\n`);
      const errors = diagnostics.filter((d) => d.severity === 'error').length;
      const warnings = diagnostics.length - errors;
      context.io.out(`${errors} error(s), ${warnings} warning(s)\n`);
      context.exitCode = errors > 0 ? ExitCode.Findings : ExitCode.Ok;
    });
}
