import type { Diagnostic } from '../../domain/diagnostic.js';
import { markdownCell } from '../escape.js';
import { type CheckReport, countBySeverity } from './report.js';

// Workflow-command escaping (https://github.com/actions/toolkit, command.ts).
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const annotation = (d: Diagnostic) =>
  `::${d.severity === 'error' ? 'error' : 'warning'} file=${escapeProperty(d.file)},line=${d.line},col=${d.column},endLine=${d.endLine},endColumn=${d.endColumn},title=${escapeProperty(`ma-check ${d.code}`)}::${escapeData(d.message)}`;

/** `--format github`: one workflow annotation per diagnostic (GitHub shows the first 10 of each kind per step). */
export function reportGithub(report: CheckReport): string {
  const lines = report.diagnostics.map(annotation);
  const { errors, warnings } = countBySeverity(report.diagnostics);
  lines.push(`ma-check ${report.command}: ${report.files.length} file(s), ${errors} error(s), ${warnings} warning(s)`);
  return `${lines.join('\n')}\n`;
}

/** The Markdown appended to $GITHUB_STEP_SUMMARY: every problem, since annotations are capped. */
export function reportGithubSummary(report: CheckReport): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const out = [
    `### ma-check ${report.command}`,
    '',
    `${report.files.length} file(s): **${errors} error(s)**, ${warnings} warning(s).`,
  ];
  if (report.cases) {
    const passed = report.cases.filter((c) => c.passed).length;
    out.push(`Cases: ${passed} passed, ${report.cases.length - passed} failed.`);
  }
  if (report.diagnostics.length > 0) {
    out.push('', '| where | severity | code | message |', '|---|---|---|---|');
    for (const d of report.diagnostics)
      out.push(`| \`${d.file}:${d.line}:${d.column}\` | ${d.severity} | \`${d.code}\` | ${markdownCell(d.message)} |`);
  }
  return `${out.join('\n')}\n`;
}
