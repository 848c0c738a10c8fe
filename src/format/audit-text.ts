import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary, VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import type { Verdict } from '../domain/verdict.js';
import { conditionsLine, decisiveConditions, statesOf } from './audit-conditions.js';
import { diagnosticText } from './audit-invalid.js';
import {
  findingsTitle,
  lines,
  type ReportHead,
  type ReportLayout,
  total,
  VERDICTS_STRICTEST_FIRST,
  who,
} from './audit-report.js';
import { spooledLines } from './audit-spool.js';
import type { Chunk } from './chunk.js';
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

const TABLE_HEADER = ['verdict', 'line', 'staff', 'state', 'task', 'to resolve'];

/**
 * The audit for a person: what was read, the counts by verdict, state and task, then the
 * findings (blocks, or on a terminal one table row each), then the invalid entries.
 */
export class AuditText implements ReportLayout {
  readonly citesSources = false;
  /** The table's column widths so far: the widest cell of every row, which come before the table is written. */
  private readonly widths = TABLE_HEADER.map((h) => h.length);
  /** Decisions are shared and frozen, so the lines that depend only on the decision are written once per decision. */
  private readonly bodies = new WeakMap<Decision, string>();

  constructor(
    private readonly paint: Paint,
    private readonly table: boolean,
    private readonly redact: boolean,
  ) {}

  head({ run, summary: s, findings, listed }: ReportHead): string {
    const paint = this.paint;
    const inputs = run.inputs.map((i) => terminalSafe(i.name)).join(' + ');
    const out = [paint.bold(`ma-check audit · ${inputs} · as of ${run.asOf}`)];
    out.push(
      `${s.rows} row${s.rows === 1 ? '' : 's'} read · ${s.decisions} decision${s.decisions === 1 ? '' : 's'} · ${invalidRows(s)}`,
    );
    out.push('', paint.bold('By verdict'));
    const width = Math.max(...VERDICTS_STRICTEST_FIRST.map((v) => v.length));
    for (const v of VERDICTS_STRICTEST_FIRST)
      out.push(
        `  ${verdictLabel(v, paint)}${' '.repeat(width - v.length)}  ${String(s.byVerdict[v]).padStart(String(s.decisions).length)}`,
      );
    out.push(...countsTable('By state', 'state', s.byState, paint), ...countsTable('By task', 'task', s.byTask, paint));
    out.push('', paint.bold(`Findings: ${findingsTitle(findings, listed)}`));
    return lines(out);
  }

  finding(f: AuditDecision): string {
    if (!this.table) return this.block(f);
    const cells = [
      f.decision.verdict,
      String(f.line),
      terminalSafe(who(f, this.redact)),
      statesOf(f.decision) || '-',
      f.decision.task.id,
      conditionsLine(f.decision) || '-',
    ];
    for (let i = 0; i < cells.length; i++) this.widths[i] = Math.max(this.widths[i]!, cells[i]!.length);
    // One row per line, read back when the widths are known.
    return `${JSON.stringify(cells)}\n`;
  }

  *findings(count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) yield '  none\n';
    else if (!this.table) yield* spooled;
    else {
      // The verdict is painted after padding, so colour does not skew the columns.
      yield `${this.paint.bold(this.pad(TABLE_HEADER).join('  ').trimEnd())}\n`;
      const width = this.widths[0]!;
      for (const line of spooledLines(spooled)) {
        const row = JSON.parse(line) as string[];
        const verdict = `${verdictLabel(row[0] as Verdict, this.paint)}${' '.repeat(width - row[0]!.length)}`;
        yield `${[verdict, ...this.pad(row).slice(1)].join('  ').trimEnd()}\n`;
      }
    }
  }

  invalid(i: AuditInvalid): string {
    return `  ${terminalSafe(diagnosticText(i))}\n`;
  }

  *invalids(summary: AuditSummary, count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) return;
    yield lines([
      '',
      this.paint.bold(`Invalid: ${invalidRows(summary)}; what these entries name was not audited (exit 65)`),
    ]);
    yield* spooled;
  }

  tail(run: AuditRun): string {
    return lines([
      '',
      this.paint.dim(
        `rules ${run.rulesDigest.slice(0, 19)}… · ma-check ${run.version} · a reference aid, not legal advice`,
      ),
    ]);
  }

  /** Every cell but the last padded to its column's width. */
  private pad(cells: readonly string[]): string[] {
    return cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(this.widths[i]!)));
  }

  /** A finding as a block: the verdict and who, then what decides it, then the rules. Stable for diffs and grep. */
  private block(f: AuditDecision): string {
    const d = f.decision;
    const where = statesOf(d) || 'no state given';
    const title = `${verdictLabel(d.verdict, this.paint)}  ${d.task.id} · ${where.replace(/;/g, ', ')} · ${terminalSafe(who(f, this.redact))} ${this.paint.dim(`(line ${f.line})`)}`;
    let body = this.bodies.get(d);
    if (body === undefined) {
      body = lines(this.body(d));
      this.bodies.set(d, body);
    }
    return `\n${title}\n${body}`;
  }

  /** What decides a finding and by which rules: the same for every row that shares the decision. */
  private body(d: Decision): string[] {
    const paint = this.paint;
    const out: string[] = [];
    const decisive = decisiveConditions(d);
    // A rule that states its verdict outright has nothing to verify: its summary says why.
    if (decisive.length === 0 && d.verdict !== 'allowed') out.push(`  ${d.summary}`);
    for (const c of decisive) {
      const at = d.byState.length > 1 && c.state ? `${c.state} ` : '';
      out.push(
        `  ${statusMark(c.status, paint)} ${at}${describeCondition(c)}  ${paint.dim(`(${c.basis}; ${c.rules.join(', ')})`)}`,
      );
    }
    const rest = d.conditions.length - decisive.length;
    if (rest > 0)
      out.push(paint.dim(`  + ${rest} more condition${rest === 1 ? '' : 's'} to meet once these are settled`));
    out.push(paint.dim(`  determined by ${d.determinedBy.join(', ')}`));
    return out;
  }
}

const invalidRows = (s: AuditSummary): string =>
  s.invalidRows === 1 ? '1 invalid record' : `${s.invalidRows} invalid records`;
