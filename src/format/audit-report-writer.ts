import type { AuditRecord, AuditRun, AuditSummary } from '../domain/audit.js';
import type { Verdict } from '../domain/verdict.js';
import { CitedSources, type ReportLayout, VERDICTS_STRICTEST_FIRST } from './audit-report.js';
import type { AuditSpool, SpoolFactory } from './audit-spool.js';
import type { Chunk } from './chunk.js';

/**
 * Writes a report for people (text, Markdown, HTML). Each finding becomes its text as it comes and
 * waits in its verdict's spool, each invalid entry in one more, because the report opens with
 * counts known only at the end; memory stays flat as long as the spools keep their text outside it.
 */
export class ReportWriter {
  private readonly findings = new Map<Verdict, { spool: AuditSpool; count: number }>();
  private readonly invalid: AuditSpool;
  private invalidCount = 0;
  private readonly sources = new CitedSources();

  constructor(
    private readonly layout: ReportLayout,
    private readonly listed: readonly Verdict[],
    spool: SpoolFactory,
  ) {
    for (const v of listed) this.findings.set(v, { spool: spool(), count: 0 });
    this.invalid = spool();
  }

  start(): Chunk {
    return '';
  }

  record(r: AuditRecord): Chunk {
    if (r.type === 'invalid') {
      this.invalidCount++;
      this.invalid.add(this.layout.invalid(r));
      return '';
    }
    const list = this.findings.get(r.decision.verdict);
    if (list === undefined) return '';
    list.count++;
    list.spool.add(this.layout.finding(r));
    if (this.layout.citesSources) this.sources.add(r.decision);
    return '';
  }

  *end(summary: AuditSummary, run: AuditRun): Iterable<Chunk> {
    let count = 0;
    for (const list of this.findings.values()) count += list.count;
    yield this.layout.head({ run, summary, findings: count, listed: this.listed });
    yield* this.layout.findings(count, this.spooledFindings());
    yield* this.layout.invalids(summary, this.invalidCount, this.invalid.drain());
    yield this.layout.tail(run, this.sources.inReportOrder());
  }

  close(): void {
    for (const list of this.findings.values()) list.spool.close();
    this.invalid.close();
  }

  /** Most restrictive first; within a verdict, in file order (the order they came). */
  private *spooledFindings(): Iterable<string | Uint8Array> {
    for (const v of VERDICTS_STRICTEST_FIRST) {
      const list = this.findings.get(v);
      if (list !== undefined) yield* list.spool.drain();
    }
  }
}
