import type { AuditDecision, AuditRecord, AuditRun, AuditSummary } from '../domain/audit.js';
import { VERDICTS, type Verdict } from '../domain/verdict.js';
import { auditCsvHeader, auditCsvRow } from './audit-csv.js';
import type { AuditFormat } from './audit-formats.js';
import { AuditHtml } from './audit-html.js';
import { AuditJson } from './audit-json.js';
import { AuditMarkdown } from './audit-markdown.js';
import { ndjsonDecision, ndjsonInvalid, ndjsonRun, ndjsonSummary } from './audit-ndjson.js';
import { ReportWriter } from './audit-report-writer.js';
import { memorySpool, type SpoolFactory } from './audit-spool.js';
import { AuditText } from './audit-text.js';
import type { Chunk } from './chunk.js';
import type { Paint } from './paint.js';

/** Formats that list every decision unless `--only` says otherwise; the reports for people list the findings. */
const MACHINE_FORMATS: readonly AuditFormat[] = ['csv', 'ndjson', 'json'];

export interface AuditWriterOptions {
  format: AuditFormat;
  redact: boolean;
  /** `--only`: the verdicts to list; `null` lists every decision (machine formats) or every one but `allowed` (reports). */
  only: readonly Verdict[] | null;
  paint: Paint;
  /** Text findings as a table (on a terminal) rather than blocks. */
  table: boolean;
  /** Where what a format writes later than it comes waits (memory by default; the CLI's spills to an unnamed temp file). */
  spool?: SpoolFactory;
}

/**
 * Turns the audit's records into the chosen format's text, piece by piece: `start` before the
 * first record, `record` for each, `end` with the counts and the run (its inputs' SHA-256 known
 * once they have been read). What a piece returns is written as is; `close` lets go of what the
 * writer held back, whether or not `end` was reached.
 */
export interface AuditWriter {
  start(): Chunk;
  record(r: AuditRecord): Chunk;
  end(summary: AuditSummary, run: AuditRun): Iterable<Chunk>;
  close(): void;
}

export function auditWriter(o: AuditWriterOptions): AuditWriter {
  const listed = new Set<Verdict>(
    o.only ?? (MACHINE_FORMATS.includes(o.format) ? VERDICTS : VERDICTS.filter((v) => v !== 'allowed')),
  );
  const lists = (r: AuditDecision) => listed.has(r.decision.verdict);
  const spool = o.spool ?? memorySpool;
  switch (o.format) {
    case 'csv':
      return {
        start: auditCsvHeader,
        record: (r) => (r.type === 'decision' && lists(r) ? auditCsvRow(r, o.redact) : ''),
        end: () => [],
        close: () => undefined,
      };
    case 'ndjson':
      return {
        start: () => '',
        record: (r) => (r.type === 'invalid' ? ndjsonInvalid(r) : lists(r) ? ndjsonDecision(r, o.redact) : ''),
        end: (summary, run) => [ndjsonRun(run), ndjsonSummary(summary)],
        close: () => undefined,
      };
    case 'json': {
      const json = new AuditJson(spool());
      return {
        start: () => json.start(),
        record: (r) => {
          if (r.type !== 'invalid') return lists(r) ? json.decision(r, o.redact) : '';
          json.hold(r);
          return '';
        },
        end: (summary, run) => json.end(summary, run),
        close: () => json.close(),
      };
    }
    case 'text':
      return new ReportWriter(new AuditText(o.paint, o.table, o.redact), [...listed], spool);
    case 'markdown':
      return new ReportWriter(new AuditMarkdown(o.redact), [...listed], spool);
    case 'html':
      return new ReportWriter(new AuditHtml(o.redact), [...listed], spool);
  }
}
