import type { VerdictCounts } from '../domain/audit.js';
import { statesOf, whatDecides } from './audit-conditions.js';
import {
  type AuditReport,
  findingCites,
  findingsTitle,
  reportCitations,
  total,
  VERDICTS_STRICTEST_FIRST,
  who,
} from './audit-report.js';
import { citationLine } from './decision-text.js';
import { markdownCell } from './escape.js';
import { markdownCode, markdownText } from './markdown-text.js';

const countsTable = (key: string, rows: Record<string, VerdictCounts>): string[] => [
  `| ${key} | decisions | ${VERDICTS_STRICTEST_FIRST.join(' | ')} |`,
  `|---|--:|${VERDICTS_STRICTEST_FIRST.map(() => '--:').join('|')}|`,
  ...Object.entries(rows).map(
    ([k, c]) => `| ${markdownText(k)} | ${total(c)} | ${VERDICTS_STRICTEST_FIRST.map((v) => c[v]).join(' | ')} |`,
  ),
];

/** The audit as a report an auditor can read and file: summary, findings with conditions and sources. */
export function auditMarkdown(report: AuditReport): string {
  const { run, summary: s } = report;
  const inputs = run.inputs.map((i) => markdownCode(i.name)).join(' and ');
  const out = [`# Compliance audit: ${inputs}`, ''];
  out.push(`As of **${run.asOf}**: ${s.rows} rows read, ${s.decisions} decisions, ${s.invalidRows} invalid rows.`, '');
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
  out.push(`## Findings: ${findingsTitle(report)}`, '');
  if (report.findings.length === 0) out.push('None.', '');
  else {
    out.push(
      '| verdict | line | staff | state | task | what decides it | determined by | sources |',
      '|---|--:|---|---|---|---|---|---|',
    );
    for (const f of report.findings) {
      const d = f.decision;
      const cells = [
        `**${d.verdict}**`,
        String(f.line),
        markdownText(who(f, report.redact)),
        statesOf(d).replace(/;/g, ', ') || 'not given',
        `\`${d.task.id}\``,
        markdownCell(whatDecides(d)) || '—',
        d.determinedBy.map((id) => `\`${id}\``).join(', '),
        findingCites(d)
          .map((id) => `\`${id}\``)
          .join(', '),
      ];
      out.push(`| ${cells.join(' | ')} |`);
    }
    out.push('');
  }
  if (report.invalid.length > 0) {
    out.push(
      `## Invalid rows: ${s.invalidRows}`,
      '',
      'What these entries name was not audited.',
      '',
      '| where | staff | problem | code |',
      '|---|---|---|---|',
    );
    for (const { diagnostic: d, staffId } of report.invalid) {
      out.push(
        `| ${markdownCode(`${d.file}:${d.line}`)} | ${staffId === null ? '' : markdownText(staffId)} | ${markdownText(d.message)} | \`${d.code}\` |`,
      );
    }
    out.push('');
  }
  const citations = reportCitations(report.findings);
  if (citations.length > 0) {
    out.push('## Sources', '');
    for (const c of citations) out.push(`- \`${c.id}\`: ${markdownCell(citationLine(c))}`);
    out.push('');
  }
  const hashes = run.inputs.map((i) => `${markdownCode(i.name)} sha256 \`${i.sha256}\``).join('; ');
  out.push(
    '---',
    '',
    `_${hashes}; rules \`${run.rulesDigest}\`; ma-check ${run.version}. A reference aid, not legal advice: confirm with the state board._`,
    '',
  );
  return out.join('\n');
}
