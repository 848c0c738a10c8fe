import type { AuditDecision, AuditRecord, AuditRun, AuditSummary } from '../domain/audit.js';
import { VERDICTS, type Verdict } from '../domain/verdict.js';
import { AuditCsvRows, auditCsvHeader } from './audit-csv.js';
import type { AuditDetail, AuditFormat } from './audit-formats.js';
import { AuditHtml } from './audit-html.js';
import { AuditJson } from './audit-json.js';
import { AuditMarkdown } from './audit-markdown.js';
import { AuditNdjson } from './audit-ndjson.js';
import { ReportWriter } from './audit-report-writer.js';
import type { AuditRunHead } from './audit-run-head.js';
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
  /** JSON and NDJSON: each distinct decision once, items pointing at it (`shared`, the default), or inside each item. */
  detail?: AuditDetail;
  /** JSON: two-space indents rather than compact text. */
  pretty?: boolean;
  /** Where what a format writes later than it comes waits (memory by default; the CLI's spills to an unnamed temp file). */
  spool?: SpoolFactory;
}

/**
 * Turns the audit's records into the chosen format's text, piece by piece: `start` with the run
 * as known before the first record (JSON and NDJSON open with it), `record` for each, `end` with
 * the counts and the run (its inputs' SHA-256 of what was read). What a piece returns is written
 * as is; `close` lets go of what the writer held back, whether or not `end` was reached.
 */
export interface AuditWriter {
  start(run: AuditRunHead): Chunk;
  record(r: AuditRecord): Chunk;
  end(summary: AuditSummary, run: AuditRun): Iterable<Chunk>;
  close(): void;
}

/** Whether a report names its inputs' SHA-256 (every format but CSV): if not, they need not be hashed. */
export const namesInputs = (format: AuditFormat): boolean => format !== 'csv';

/** Whether a report opens with the run, inputs' SHA-256 included (JSON and NDJSON). */
export const opensWithRun = (format: AuditFormat): boolean => format === 'json' || format === 'ndjson';

export function auditWriter(o: AuditWriterOptions): AuditWriter {
  const listed = new Set<Verdict>(
    o.only ?? (MACHINE_FORMATS.includes(o.format) ? VERDICTS : VERDICTS.filter((v) => v !== 'allowed')),
  );
  const lists = (r: AuditDecision) => listed.has(r.decision.verdict);
  const spool = o.spool ?? memorySpool;
  switch (o.format) {
    case 'csv': {
      const rows = new AuditCsvRows(o.redact);
      return {
        start: () => auditCsvHeader(),
        record: (r) => (r.type === 'decision' && lists(r) ? rows.row(r) : ''),
        end: () => [],
        close: () => undefined,
      };
    }
    case 'ndjson': {
      const ndjson = new AuditNdjson(o.detail ?? 'shared', o.redact);
      return {
        start: (run) => ndjson.start(run),
        record: (r) => (r.type === 'invalid' ? ndjson.invalid(r) : lists(r) ? ndjson.item(r) : ''),
        end: (summary, run) => [ndjson.end(summary, run)],
        close: () => undefined,
      };
    }
    case 'json': {
      const json = new AuditJson(o.detail ?? 'shared', o.pretty ?? false, o.redact, spool(), spool());
      return {
        start: (run) => json.start(run),
        record: (r) => {
          if (r.type !== 'invalid') return lists(r) ? json.item(r) : '';
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
