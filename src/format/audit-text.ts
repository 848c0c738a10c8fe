import type { AuditDecision, VerdictCounts } from '../domain/audit.js';
import { describeCondition } from '../domain/describe.js';
import type { Verdict } from '../domain/verdict.js';
import { conditionsLine, decisiveConditions, statesOf } from './audit-conditions.js';
import { diagnosticText } from './audit-invalid.js';
import { type AuditReport, findingsTitle, total, VERDICTS_STRICTEST_FIRST, who } from './audit-report.js';
import type { Paint } from './paint.js';
import { textTable } from './table-text.js';
import { terminalSafe } from './terminal-safe.js';
import { statusMark, verdictLabel } from './verdict-style.js';

const countsTable = (title: string, key: string, rows: Record<string, VerdictCounts>, paint: Paint): string[] => {
  const names = Object.keys(rows);
  if (names.length === 0) return [];
  const table = textTable(
    [key, 'decisions', ...VERDICTS_STRICTEST_FIRST],
    names.map((n) => [n, String(total(rows[n]!)), ...VERDICTS_STRICTEST_FIRST.map((v) => String(rows[n]![v]))]),
  );
  return [
    '',
    paint.bold(title),
    ...table
      .trimEnd()
      .split('\n')
      .map((l) => `  ${l}`),
  ];
};

/** A finding as a block: the verdict and who, then what decides it, then the rules. Stable for diffs and grep. */
function findingBlock(f: AuditDecision, report: AuditReport, paint: Paint): string[] {
  const d = f.decision;
  const where = statesOf(d) || 'no state given';
  const lines = [
    `${verdictLabel(d.verdict, paint)}  ${d.task.id} · ${where.replace(/;/g, ', ')} · ${terminalSafe(who(f, report.redact))} ${paint.dim(`(line ${f.line})`)}`,
  ];
  const decisive = decisiveConditions(d);
  // A rule that states its verdict outright has nothing to verify: its summary says why.
  if (decisive.length === 0 && d.verdict !== 'allowed') lines.push(`  ${d.summary}`);
  for (const c of decisive) {
    const at = d.byState.length > 1 && c.state ? `${c.state} ` : '';
    lines.push(
      `  ${statusMark(c.status, paint)} ${at}${describeCondition(c)}  ${paint.dim(`(${c.basis}; ${c.rules.join(', ')})`)}`,
    );
  }
  const rest = d.conditions.length - decisive.length;
  if (rest > 0)
    lines.push(paint.dim(`  + ${rest} more condition${rest === 1 ? '' : 's'} to meet once these are settled`));
  lines.push(paint.dim(`  determined by ${d.determinedBy.join(', ')}`));
  return lines;
}

/** On a terminal, findings are one table row each; the verdict is painted after padding so colour does not skew columns. */
function findingsTable(report: AuditReport, paint: Paint): string[] {
  const header = ['verdict', 'line', 'staff', 'state', 'task', 'to resolve'];
  const rows = report.findings.map((f) => [
    f.decision.verdict,
    String(f.line),
    terminalSafe(who(f, report.redact)),
    statesOf(f.decision) || '-',
    f.decision.task.id,
    conditionsLine(f.decision) || '-',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const pad = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)));
  const verdict = (v: string) => `${verdictLabel(v as Verdict, paint)}${' '.repeat(widths[0]! - v.length)}`;
  return [
    paint.bold(pad(header).join('  ').trimEnd()),
    ...rows.map((r) => [verdict(r[0]!), ...pad(r).slice(1)].join('  ').trimEnd()),
  ];
}

/** The audit for a person: what was read, the counts by verdict, state and task, then the findings. */
export function auditText(report: AuditReport, paint: Paint, table: boolean): string {
  const { run, summary: s } = report;
  const inputs = run.inputs.map((i) => terminalSafe(i.name)).join(' + ');
  const out = [paint.bold(`ma-check audit · ${inputs} · as of ${run.asOf}`)];
  const invalidRows = s.invalidRows === 1 ? '1 invalid row' : `${s.invalidRows} invalid rows`;
  out.push(
    `${s.rows} row${s.rows === 1 ? '' : 's'} read · ${s.decisions} decision${s.decisions === 1 ? '' : 's'} · ${invalidRows}`,
  );
  out.push('', paint.bold('By verdict'));
  const width = Math.max(...VERDICTS_STRICTEST_FIRST.map((v) => v.length));
  for (const v of VERDICTS_STRICTEST_FIRST)
    out.push(
      `  ${verdictLabel(v, paint)}${' '.repeat(width - v.length)}  ${String(s.byVerdict[v]).padStart(String(s.decisions).length)}`,
    );
  out.push(...countsTable('By state', 'state', s.byState, paint), ...countsTable('By task', 'task', s.byTask, paint));
  out.push('', paint.bold(`Findings: ${findingsTitle(report)}`));
  if (report.findings.length === 0) out.push('  none');
  else if (table) out.push(...findingsTable(report, paint));
  else for (const f of report.findings) out.push('', ...findingBlock(f, report, paint));
  if (report.invalid.length > 0) {
    out.push('', paint.bold(`Invalid: ${invalidRows}; what these entries name was not audited (exit 65)`));
    for (const i of report.invalid) out.push(`  ${terminalSafe(diagnosticText(i))}`);
  }
  out.push(
    '',
    paint.dim(`rules ${run.rulesDigest.slice(0, 19)}… · ma-check ${run.version} · a reference aid, not legal advice`),
  );
  return `${out.join('\n')}\n`;
}
