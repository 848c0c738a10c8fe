import { appendFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CheckReport, ReportFormat } from '../format/report/report.js';
import { REPORT_FORMATS } from '../format/report/report.js';
import { reportGithub, reportGithubSummary } from '../format/report/report-github.js';
import { reportJson } from '../format/report/report-json.js';
import { reportJunit } from '../format/report/report-junit.js';
import { reportSarif } from '../format/report/report-sarif.js';
import { reportText, type SourceLines } from '../format/report/report-text.js';
import { readSource } from '../rules/read-source.js';
import type { CommandContext } from './context.js';
import { NoInputError, UsageError } from './errors.js';
import { paintFor } from './paint.js';

/** `--output FORMAT=FILE`, parsed. */
export interface OutputTarget {
  format: ReportFormat;
  file: string;
}

export function parseOutputs(values: readonly string[] = []): OutputTarget[] {
  return values.map((value) => {
    const at = value.indexOf('=');
    const format = value.slice(0, at) as ReportFormat;
    if (at < 1 || at === value.length - 1)
      throw new UsageError(`--output takes FORMAT=FILE (e.g. sarif=results.sarif), not '${value}'`);
    if (!REPORT_FORMATS.includes(format))
      throw new UsageError(`unknown output format '${format}' (one of ${REPORT_FORMATS.join(', ')})`);
    return { format, file: value.slice(at + 1) };
  });
}

function sourceLines(report: CheckReport, cwd: string): SourceLines {
  const lines = new Map<string, string[]>();
  for (const file of new Set(report.diagnostics.map((d) => d.file))) {
    // Read as the loader reads: a FIFO, device or oversized file is never opened or read whole.
    const read = readSource(resolve(cwd, file));
    // A file that cannot be read simply gets no code frame; its diagnostic says why.
    if (read.ok) lines.set(file, read.text.split(/\r?\n/));
  }
  return lines;
}

function render(report: CheckReport, format: ReportFormat, context: CommandContext, colour: boolean): string {
  switch (format) {
    case 'json':
      return reportJson(report);
    case 'github':
      return reportGithub(report);
    case 'sarif':
      return reportSarif(report, context.io.cwd);
    case 'junit':
      return reportJunit(report);
    case 'text':
      return reportText(
        report,
        sourceLines(report, context.io.cwd),
        colour ? paintFor(context.io) : paintFor({ ...context.io, stdoutIsTTY: false, env: {} }),
      );
  }
}

/** Writes a file whole or not at all: a temporary file beside it, then a rename. */
function writeAtomically(path: string, text: string): void {
  const temp = join(dirname(path), `.${process.pid}-${Date.now()}.ma-check.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw new NoInputError(
      `cannot write ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

/** The report on stdout in `--format`, in each `--output` file, and the GitHub step summary when asked. */
export function emitReport(
  report: CheckReport,
  format: ReportFormat,
  outputs: readonly OutputTarget[],
  context: CommandContext,
): void {
  context.io.out(render(report, format, context, true));
  for (const target of outputs)
    writeAtomically(resolve(context.io.cwd, target.file), render(report, target.format, context, false));
  const summary = context.io.env.GITHUB_STEP_SUMMARY;
  if (summary && (format === 'github' || outputs.some((o) => o.format === 'github')))
    appendFileSync(summary, reportGithubSummary(report));
}
