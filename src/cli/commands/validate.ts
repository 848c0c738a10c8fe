import { relative } from 'node:path';
import type { Command } from 'commander';
import type { Diagnostic } from '../../domain/diagnostic.js';
import { compareDiagnostics } from '../../domain/diagnostic.js';
import { quoted } from '../../domain/shown-value.js';
import { type CheckReport, countBySeverity, type ReportFormat } from '../../format/report/report.js';
import { readSnapshot } from '../../rules/snapshot.js';
import { validateTargets } from '../../rules/validate-targets.js';
import type { CommandContext } from '../context.js';
import { NoInputError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { outputOption, reportFormatOption } from '../options.js';
import { emitReport, parseOutputs } from '../report-output.js';
import { ruleLocation } from '../rule-location.js';
import { ruleTargets } from '../rule-targets.js';

interface ValidateOptions {
  format: ReportFormat;
  output?: string[];
  maxWarnings?: string;
  maxAge: string;
}

/** A whole non-negative number, or a usage error naming the option. */
function wholeNumber(option: string, value: string): number {
  if (!/^\d+$/.test(value)) throw new UsageError(`${option} takes a whole number, not ${quoted(value)}`);
  return Number(value);
}

/** `ma-check validate [DIR...]`: every problem in the rule and case files, each at file:line:col. */
export function registerValidate(program: Command, context: CommandContext): void {
  program
    .command('validate')
    .description('check rule files (a full rule set, or an overlay on the shipped rules) and their cases')
    .argument('[dirs...]', 'rule folders (default: the shipped rules)')
    .addOption(reportFormatOption())
    .addOption(outputOption())
    .option('--max-warnings <n>', 'fail when there are more warnings than this (default: no limit)')
    .option('--max-age <months>', 'warn about review dates older than this', '24')
    .action(async (dirs: string[], options: ValidateOptions) => {
      const outputs = parseOutputs(options.output);
      const maxWarnings =
        options.maxWarnings === undefined ? Infinity : wholeNumber('--max-warnings', options.maxWarnings);
      const lint = { today: context.io.today(), maxAgeMonths: wholeNumber('--max-age', options.maxAge) };
      const diagnostics: Diagnostic[] = [];
      const files: string[] = [];
      const shipped = ruleLocation(context);
      // The folders are validated in a worker thread with a bounded heap (validate-targets.ts).
      const settings = { cwd: context.io.cwd, lint };
      const validated = validateTargets(ruleTargets(context, dirs), settings, () => import('../heavy.js'));
      for await (const { target, ...findings } of validated) {
        if (findings.missing !== undefined) throw new NoInputError(`${findings.reason}: ${findings.missing}`);
        diagnostics.push(...findings.diagnostics);
        files.push(...findings.files);
        if (target.root === shipped.rulesDir && target.overlays.length === 0) {
          const snapshot = await readSnapshot(shipped.snapshotPath, shipped.rulesDir);
          if (!snapshot.fresh) {
            const file = relative(context.io.cwd, shipped.snapshotPath);
            diagnostics.push({
              code: 'stale-snapshot',
              severity: 'warning',
              file,
              line: 1,
              column: 1,
              endLine: 1,
              endColumn: 1,
              pointer: '',
              message: `the build snapshot does not match the rule files (${snapshot.reason}); checks parse the YAML until you run npm run build`,
            });
          }
        }
      }
      const report: CheckReport = {
        command: 'validate',
        version: context.install.version,
        files: [...new Set(files)],
        diagnostics: dedupe(diagnostics).sort(compareDiagnostics),
      };
      emitReport(report, options.format, outputs, context);
      const { errors, warnings } = countBySeverity(report.diagnostics);
      context.exitCode = errors > 0 || warnings > maxWarnings ? ExitCode.Findings : ExitCode.Ok;
    });
}

/** Several folders may share the shipped rules; each finding is reported once. */
const dedupe = (list: readonly Diagnostic[]): Diagnostic[] => [
  ...new Map(list.map((d) => [`${d.file}:${d.line}:${d.column}:${d.code}:${d.message}`, d])).values(),
];
