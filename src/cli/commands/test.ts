import { join } from 'node:path';
import type { Command } from 'commander';
import type { Decision } from '../../domain/decision.js';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { compareDiagnostics } from '../../domain/diagnostic.js';
import { quoted } from '../../domain/shown-value.js';
import { caseCoverage } from '../../evaluate/case-coverage.js';
import { checkCase } from '../../evaluate/check-case.js';
import { createEvaluator } from '../../evaluate/evaluator.js';
import type { CaseOutcome, CheckReport, ReportFormat } from '../../format/report/report.js';
import type { CommandContext } from '../context.js';
import { NoInputError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { outputOption, reportFormatOption } from '../options.js';
import { emitReport, parseOutputs } from '../report-output.js';
import { ruleTargets } from '../rule-targets.js';

interface TestOptions {
  filter?: string;
  minCoverage?: string;
  format: ReportFormat;
  output?: string[];
}

/** `ma-check test [DIR...]`: runs the expected decisions in `cases/` against the rules, with coverage. */
export function registerTest(program: Command, context: CommandContext): void {
  program
    .command('test')
    .description("run the rule authors' expected decisions (cases/*.yaml) and report coverage")
    .argument('[dirs...]', 'rule folders (default: the shipped rules)')
    .option('--filter <text>', 'only cases whose id contains this text')
    .option('--min-coverage <pct>', 'fail when cases exercise fewer than this percent of the rules')
    .addOption(reportFormatOption())
    .addOption(outputOption())
    .action(async (dirs: string[], options: TestOptions) => {
      const outputs = parseOutputs(options.output);
      const minCoverage = options.minCoverage === undefined ? undefined : Number(options.minCoverage);
      if (minCoverage !== undefined && !(minCoverage >= 0 && minCoverage <= 100))
        throw new UsageError(`--min-coverage takes a percentage from 0 to 100, not ${quoted(options.minCoverage!)}`);
      const { loadRules, loadCases } = await import('../heavy.js');
      const diagnostics: Diagnostic[] = [];
      const files: string[] = [];
      const outcomes: CaseOutcome[] = [];
      const decisions: Decision[] = [];
      let coverage: CheckReport['coverage'];
      for (const target of ruleTargets(context, dirs)) {
        const loaded = loadRules({ root: target.root, overlays: target.overlays, cwd: context.io.cwd });
        if (loaded.missing !== undefined) throw new NoInputError(`${loaded.reason}: ${loaded.missing}`);
        const casesDir = join(target.dir, 'cases');
        const cases = loadCases(casesDir, context.io.cwd);
        // Nothing to test must not pass: a run with no cases proves nothing about the rules.
        if (cases.folderMissing) throw new NoInputError(`nothing to test: no cases folder: ${casesDir}`);
        if (cases.files.length === 0 && cases.diagnostics.length === 0)
          throw new NoInputError(`nothing to test: no case files (*.yaml) in ${casesDir}`);
        diagnostics.push(...loaded.diagnostics.filter((d) => d.severity === 'error'), ...cases.diagnostics);
        files.push(...cases.files);
        if (!loaded.ok) continue;
        const evaluator = createEvaluator(loaded.ruleSet);
        for (const c of cases.cases) {
          if (options.filter && !c.case.id.includes(options.filter)) continue;
          const result = checkCase(evaluator, c.case, c.asOf);
          if (result.decision) decisions.push(result.decision);
          outcomes.push({
            id: c.case.id,
            file: c.file,
            line: c.range.line,
            column: c.range.column,
            passed: result.passed,
            failures: result.failures,
          });
          if (!result.passed) {
            const first = result.failures[0]!;
            diagnostics.push({
              code: 'case-failed',
              severity: 'error',
              file: c.file,
              ...c.range,
              pointer: '',
              ruleId: c.case.id,
              message: `case ${c.case.id}: ${first.field} expected ${first.expected}, actual ${first.actual}${result.failures.length > 1 ? ` (and ${result.failures.length - 1} more)` : ''}`,
            });
          }
        }
        coverage = caseCoverage(loaded.ruleSet, decisions);
      }
      if (coverage && minCoverage !== undefined && coverage.percent < minCoverage) {
        diagnostics.push({
          code: 'coverage-below-minimum',
          severity: 'error',
          file: files[0] ?? '.',
          line: 1,
          column: 1,
          endLine: 1,
          endColumn: 1,
          pointer: '',
          message: `cases exercise ${coverage.percent}% of the rules, below --min-coverage ${minCoverage}%`,
        });
      }
      const report: CheckReport = {
        command: 'test',
        version: context.install.version,
        files,
        diagnostics: diagnostics.sort(compareDiagnostics),
        cases: outcomes,
        ...(coverage ? { coverage } : {}),
      };
      emitReport(report, options.format, outputs, context);
      context.exitCode = report.diagnostics.some((d) => d.severity === 'error') ? ExitCode.Findings : ExitCode.Ok;
    });
}
