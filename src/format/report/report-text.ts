import type { Diagnostic } from '../../domain/diagnostic.js';
import type { Paint } from '../paint.js';
import { type CheckReport, countBySeverity } from './report.js';

/** Source lines by file, for code frames; files the caller could not read are simply absent. */
export type SourceLines = ReadonlyMap<string, readonly string[]>;

/** How much of a source line a code frame shows: a minified file's one line must not flood the terminal. */
const FRAME_WIDTH = 120;

/** The offending line with a caret under the range, as compilers print it; a long line is cut to a window around the range. */
function codeFrame(d: Diagnostic, sources: SourceLines, paint: Paint): string[] {
  const full = sources.get(d.file)?.[d.line - 1];
  if (full === undefined) return [];
  const width = d.endLine === d.line ? Math.max(1, d.endColumn - d.column) : Math.max(1, full.length - d.column + 1);
  const start = full.length > FRAME_WIDTH ? Math.max(0, d.column - 1 - 20) : 0;
  const cut = full.slice(start, start + FRAME_WIDTH);
  const line = `${start > 0 ? '…' : ''}${cut}${start + FRAME_WIDTH < full.length ? '…' : ''}`;
  const caretAt = d.column - 1 - start + (start > 0 ? 1 : 0);
  const gutter = String(d.line).padStart(5);
  return [
    `${paint.dim(`${gutter} |`)} ${line}`,
    `${paint.dim(`${' '.repeat(5)} |`)} ${' '.repeat(Math.max(0, caretAt))}${paint.red('^'.repeat(Math.min(width, FRAME_WIDTH - (caretAt - (start > 0 ? 1 : 0)))))}`,
  ];
}

/** `--format text`: grouped by file, `file:line:col  severity  message  code`, a code frame, a summary line. */
export function reportText(report: CheckReport, sources: SourceLines, paint: Paint): string {
  const out: string[] = [];
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of report.diagnostics) {
    // Appended in place: copying the list for each finding made 40,000 findings in one file quadratic.
    const list = byFile.get(d.file);
    if (list) list.push(d);
    else byFile.set(d.file, [d]);
  }
  for (const [file, list] of byFile) {
    out.push(paint.bold(file));
    for (const d of list) {
      const severity = d.severity === 'error' ? paint.red('error') : paint.yellow('warning');
      out.push(
        `${d.file}:${d.line}:${d.column}  ${severity}  ${d.message}  ${paint.dim(d.code)}`,
        ...codeFrame(d, sources, paint),
      );
    }
    out.push('');
  }
  for (const c of report.cases?.filter((x) => !x.passed) ?? []) {
    out.push(`${c.file}:${c.line}:${c.column}  ${paint.red('FAIL')}  ${c.id}`);
    for (const f of c.failures)
      out.push(
        `    ${f.field}`,
        `      ${paint.green(`- expected ${f.expected}`)}`,
        `      ${paint.red(`+ actual   ${f.actual}`)}`,
      );
  }
  if (report.coverage) {
    const c = report.coverage;
    out.push(
      `coverage: cases exercise ${c.exercised} of ${c.rules} rules (${c.percent}%); ${c.taskStatePairsWithCase} of ${c.taskStatePairs} task x state pairs have a case`,
    );
    if (c.notExercised.length > 0)
      out.push(
        `  rules no case exercises: ${c.notExercised.slice(0, 20).join(', ')}${c.notExercised.length > 20 ? `, and ${c.notExercised.length - 20} more` : ''}`,
      );
  }
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const head = `${report.files.length} file(s) checked: ${errors} error(s), ${warnings} warning(s)`;
  out.push(head);
  if (report.cases) {
    const passed = report.cases.filter((c) => c.passed).length;
    out.push(`${passed} passed, ${report.cases.length - passed} failed`);
  }
  return `${out.join('\n')}\n`;
}
