import type { AuditDecision, AuditInvalid, AuditRecord, AuditRun, AuditSummary } from '../domain/audit.js';
import { VERDICTS, type Verdict } from '../domain/verdict.js';
import { auditCsvHeader, auditCsvRow } from './audit-csv.js';
import type { AuditFormat } from './audit-formats.js';
import { auditHtml } from './audit-html.js';
import { AuditJson } from './audit-json.js';
import { auditMarkdown } from './audit-markdown.js';
import { ndjsonDecision, ndjsonInvalid, ndjsonRun, ndjsonSummary } from './audit-ndjson.js';
import { type AuditReport, byStrictness } from './audit-report.js';
import { auditText } from './audit-text.js';
import type { Chunk } from './chunk.js';
import type { Paint } from './paint.js';

/** Formats written as the audit goes, in flat memory; the others are reports built at the end. */
const STREAMED_FORMATS: readonly AuditFormat[] = ['csv', 'ndjson', 'json'];

export interface AuditWriterOptions {
  format: AuditFormat;
  redact: boolean;
  /** `--only`: the verdicts to list; `null` lists every decision (machine formats) or every one but `allowed` (reports). */
  only: readonly Verdict[] | null;
  paint: Paint;
  /** Text findings as a table (on a terminal) rather than blocks. */
  table: boolean;
}

/**
 * Turns the audit's records into the chosen format's text, piece by piece: `start` before the
 * first record, `record` for each, `end` with the counts. What a piece returns is written as is.
 */
export interface AuditWriter {
  start(run: AuditRun): string;
  record(r: AuditRecord): Chunk;
  end(summary: AuditSummary): string;
}

export function auditWriter(o: AuditWriterOptions): AuditWriter {
  const listed = new Set<Verdict>(
    o.only ?? (STREAMED_FORMATS.includes(o.format) ? VERDICTS : VERDICTS.filter((v) => v !== 'allowed')),
  );
  const lists = (r: AuditDecision) => listed.has(r.decision.verdict);
  switch (o.format) {
    case 'csv':
      return {
        start: auditCsvHeader,
        record: (r) => (r.type === 'decision' && lists(r) ? auditCsvRow(r, o.redact) : ''),
        end: () => '',
      };
    case 'ndjson':
      return {
        start: ndjsonRun,
        record: (r) => (r.type === 'invalid' ? ndjsonInvalid(r) : lists(r) ? ndjsonDecision(r, o.redact) : ''),
        end: ndjsonSummary,
      };
    case 'json': {
      const json = new AuditJson();
      return {
        start: (run) => json.start(run),
        record: (r) => {
          if (r.type !== 'invalid') return lists(r) ? json.decision(r, o.redact) : '';
          json.hold(r);
          return '';
        },
        end: (summary) => json.end(summary),
      };
    }
    case 'text':
    case 'markdown':
    case 'html':
      return new ReportWriter(o, [...listed]);
  }
}

/** Reports for people open with the counts, so they are written at the end from what was kept. */
class ReportWriter implements AuditWriter {
  private run: AuditRun | undefined;
  private readonly findings: AuditDecision[] = [];
  private readonly invalid: AuditInvalid[] = [];

  constructor(
    private readonly options: AuditWriterOptions,
    private readonly listed: Verdict[],
  ) {}

  start(run: AuditRun): string {
    this.run = run;
    return '';
  }

  record(r: AuditRecord): Chunk {
    if (r.type === 'invalid') this.invalid.push(r);
    else if (this.listed.includes(r.decision.verdict)) this.findings.push(r);
    return '';
  }

  end(summary: AuditSummary): string {
    const report: AuditReport = {
      run: this.run!,
      summary,
      findings: this.findings.sort(byStrictness),
      invalid: this.invalid,
      listed: this.listed,
      redact: this.options.redact,
    };
    if (this.options.format === 'markdown') return auditMarkdown(report);
    if (this.options.format === 'html') return auditHtml(report);
    return auditText(report, this.options.paint, this.options.table);
  }
}
