import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary, VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { Citation } from '../domain/schema/definitions.js';
import { VERDICTS, type Verdict } from '../domain/verdict.js';
import type { Chunk } from './chunk.js';

/** What opens a report for people (text, Markdown, HTML): known once every record has been read. */
export interface ReportHead {
  run: AuditRun;
  summary: AuditSummary;
  /** How many decisions the findings list. */
  findings: number;
  /** The verdicts the findings list: every verdict but `allowed`, unless `--only` says otherwise. */
  listed: readonly Verdict[];
}

/**
 * A report for people in the pieces it is written in. It opens with the counts, so a finding is
 * turned into its text as it comes and kept (spooled) until the end; then the pieces are written
 * in order: the head, the findings most restrictive first (in file order within a verdict), the
 * invalid entries, the tail.
 */
export interface ReportLayout {
  /** Whether the tail lists the sources the findings cite; they are gathered as findings come. */
  readonly citesSources: boolean;
  /** Everything before the first finding: the title, the counts, the findings' heading. */
  head(h: ReportHead): string;
  /** One finding, as it will be read back. */
  finding(f: AuditDecision): string;
  /** The findings section after its heading, from the findings as spooled (or its "none" line). */
  findings(count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk>;
  /** One invalid entry, as it will be read back. */
  invalid(i: AuditInvalid): string;
  /** The invalid entries' section, from the entries as spooled; nothing when there are none. */
  invalids(summary: AuditSummary, count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk>;
  /** What closes the report: the sources cited, the run's inputs and rules. */
  tail(run: AuditRun, sources: readonly Citation[]): string;
}

/** Verdicts from the most restrictive down: the order a reader scans a report in. */
export const VERDICTS_STRICTEST_FIRST: readonly Verdict[] = [...VERDICTS].reverse();

export const total = (c: VerdictCounts): number => c.allowed + c.conditional + c.discouraged + c.prohibited;

/** Lines as a piece of a report: each ends with a newline. */
export const lines = (texts: readonly string[]): string => texts.map((t) => `${t}\n`).join('');

/** "30 decisions that are not allowed" or "4 prohibited decisions": what the findings are. */
export function findingsTitle(n: number, listed: readonly Verdict[]): string {
  const plural = n === 1 ? 'decision' : 'decisions';
  const everyButAllowed = listed.length === 3 && !listed.includes('allowed');
  if (everyButAllowed) return `${n} ${plural} that ${n === 1 ? 'is' : 'are'} not allowed`;
  if (listed.length === VERDICTS.length) return `all ${n} ${plural}`;
  return `${n} ${plural}: ${VERDICTS_STRICTEST_FIRST.filter((v) => listed.includes(v)).join(', ')}`;
}

/** The citations behind a finding: its determining rules' and its decisive conditions'. */
export function findingCites(d: Decision): string[] {
  const ids = new Set<string>();
  for (const r of d.rules) if (d.determinedBy.includes(r.id)) for (const c of r.cites) ids.add(c);
  for (const c of d.conditions) if (c.decisive) for (const id of c.cites) ids.add(id);
  return [...ids];
}

/**
 * Every citation the findings point at, once, in the order the report first uses them (findings
 * most restrictive first). Findings come in file order, so the order of first use is kept per
 * verdict and put together at the end; a decision shared by many rows is looked at once.
 */
export class CitedSources {
  private readonly byVerdict = new Map<Verdict, Map<string, Citation>>();
  private readonly seen = new WeakSet<Decision>();

  add(d: Decision): void {
    if (this.seen.has(d)) return;
    this.seen.add(d);
    let cited = this.byVerdict.get(d.verdict);
    if (cited === undefined) {
      cited = new Map();
      this.byVerdict.set(d.verdict, cited);
    }
    const wanted = new Set(findingCites(d));
    for (const c of d.citations) if (wanted.has(c.id) && !cited.has(c.id)) cited.set(c.id, c);
  }

  inReportOrder(): Citation[] {
    const all = new Map<string, Citation>();
    for (const v of VERDICTS_STRICTEST_FIRST)
      for (const [id, c] of this.byVerdict.get(v) ?? []) if (!all.has(id)) all.set(id, c);
    return [...all.values()];
  }
}

/** "S-104 Maria Lopez" or, redacted or nameless, "S-104". */
export const who = (f: AuditDecision, redact: boolean): string =>
  redact || f.name === null ? f.staffId : `${f.staffId} ${f.name}`;
