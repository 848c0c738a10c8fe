import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary, VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { Citation } from '../domain/schema/definitions.js';
import { statesOf, whatDecides } from './audit-conditions.js';
import {
  findingCites,
  findingsTitle,
  lines,
  type ReportHead,
  type ReportLayout,
  total,
  VERDICTS_STRICTEST_FIRST,
  who,
} from './audit-report.js';
import type { Chunk } from './chunk.js';
import { markdownCell } from './escape.js';
import { markdownCitation } from './markdown-citation.js';
import { markdownCode, markdownText } from './markdown-text.js';

const countsTable = (key: string, rows: Record<string, VerdictCounts>): string[] => [
  `| ${key} | decisions | ${VERDICTS_STRICTEST_FIRST.join(' | ')} |`,
  `|---|--:|${VERDICTS_STRICTEST_FIRST.map(() => '--:').join('|')}|`,
  ...Object.entries(rows).map(
    ([k, c]) => `| ${markdownText(k)} | ${total(c)} | ${VERDICTS_STRICTEST_FIRST.map((v) => c[v]).join(' | ')} |`,
  ),
];

/** The audit as a report an auditor can read and file: summary, findings with conditions and sources. */
export class AuditMarkdown implements ReportLayout {
  readonly citesSources = true;
  /** Decisions are shared and frozen, so the cells that depend only on the decision are written once per decision. */
  private readonly cells = new WeakMap<Decision, string>();

  constructor(private readonly redact: boolean) {}

  head({ run, summary: s, findings, listed }: ReportHead): string {
    const inputs = run.inputs.map((i) => markdownCode(i.name)).join(' and ');
    const out = [`# Compliance audit: ${inputs}`, ''];
    out.push(
      `As of **${run.asOf}**: ${s.rows} rows read, ${s.decisions} decisions, ${s.invalidRows} invalid record${s.invalidRows === 1 ? '' : 's'}.`,
      '',
    );
    out.push(
      '## Summary',
      '',
      '| verdict | decisions |',
      '|---|--:|',
      ...VERDICTS_STRICTEST_FIRST.map((v) => `| ${v} | ${s.byVerdict[v]} |`),
      '',
    );
    if (Object.keys(s.byState).length > 0) out.push('### By state', '', ...countsTable('state', s.byState), '');
    if (Object.keys(s.byTask).length > 0) out.push('### By task', '', ...countsTable('task', s.byTask), '');
    out.push(`## Findings: ${findingsTitle(findings, listed)}`, '');
    return lines(out);
  }

  finding(f: AuditDecision): string {
    const d = f.decision;
    let cells = this.cells.get(d);
    if (cells === undefined) {
      cells = [
        statesOf(d).replace(/;/g, ', ') || 'not given',
        `\`${d.task.id}\``,
        markdownCell(whatDecides(d)) || '—',
        d.determinedBy.map((id) => `\`${id}\``).join(', '),
        findingCites(d)
          .map((id) => `\`${id}\``)
          .join(', '),
      ].join(' | ');
      this.cells.set(d, cells);
    }
    return `| **${d.verdict}** | ${f.line} | ${markdownText(who(f, this.redact))} | ${cells} |\n`;
  }

  *findings(count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) {
      yield lines(['None.', '']);
      return;
    }
    yield lines([
      '| verdict | line | staff | state | task | what decides it | determined by | sources |',
      '|---|--:|---|---|---|---|---|---|',
    ]);
    yield* spooled;
    yield '\n';
  }

  invalid({ diagnostic: d, staffId }: AuditInvalid): string {
    return `| ${markdownCode(`${d.file}:${d.line}`)} | ${staffId === null ? '' : markdownText(staffId)} | ${markdownText(d.message)} | \`${d.code}\` |\n`;
  }

  *invalids(summary: AuditSummary, count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) return;
    yield lines([
      `## Invalid records: ${summary.invalidRows}`,
      '',
      'What these entries name was not audited.',
      '',
      '| where | staff | problem | code |',
      '|---|---|---|---|',
    ]);
    yield* spooled;
    yield '\n';
  }

  tail(run: AuditRun, sources: readonly Citation[]): string {
    const out: string[] = [];
    if (sources.length > 0) {
      out.push('## Sources', '');
      for (const c of sources) out.push(`- \`${c.id}\`: ${markdownCitation(c)}`);
      out.push('');
    }
    const hashes = run.inputs.map((i) => `${markdownCode(i.name)} sha256 \`${i.sha256}\``).join('; ');
    out.push(
      '---',
      '',
      `_${hashes}; rules \`${run.rulesDigest}\`; ma-check ${run.version}. A reference aid, not legal advice: confirm with the state board._`,
    );
    return lines(out);
  }
}
