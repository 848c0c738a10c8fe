import { join } from 'node:path';
import type { Command } from 'commander';
import { checkCase } from '../../evaluate/check-case.js';
import { NoInputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import type { CommandContext } from '../main.js';
import { diagnosticLine } from '../print-error.js';
import { ruleTargets } from '../rule-targets.js';

/** `ma-check test [DIR...]`: runs the expected decisions in `cases/` against the rules. */
export function registerTest(program: Command, context: CommandContext): void {
  program
    .command('test')
    .description("run the rule authors' expected decisions (cases/*.yaml)")
    .argument('[dirs...]', 'rule folders (default: the shipped rules)')
    .option('--filter <text>', 'only cases whose id contains this text')
    .action(async (dirs: string[], options: { filter?: string }) => {
      const { loadRules, loadCases } = await import('../heavy.js');
      const { io } = context;
      let passed = 0;
      let failed = 0;
      for (const target of ruleTargets(context, dirs)) {
        const loaded = loadRules({ root: target.root, overlays: target.overlays, cwd: io.cwd });
        if (loaded.missing !== undefined) throw new NoInputError(`no such folder: ${loaded.missing}`);
        const { cases, diagnostics } = loadCases(join(target.dir, 'cases'), io.cwd);
        const problems = [...loaded.diagnostics, ...diagnostics].filter((d) => d.severity === 'error');
        for (const d of problems) io.out(`${diagnosticLine(d)}\n`);
        failed += problems.length;
        if (!loaded.ok) continue;
        for (const c of cases) {
          if (options.filter && !c.case.id.includes(options.filter)) continue;
          const result = checkCase(loaded.ruleSet, c.case, c.asOf);
          if (result.passed) passed++;
          else {
            failed++;
            io.out(`${c.file}:${c.range.line}:${c.range.column}  FAIL  ${c.case.id}\n${result.failures.map((f) => `    ${f}\n`).join('')}`);
          }
        }
      }
      io.out(`${passed} passed, ${failed} failed\n`);
      context.exitCode = failed > 0 ? ExitCode.Findings : ExitCode.Ok;
    });
}
