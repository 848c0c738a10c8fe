import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary, VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { Citation } from '../domain/schema/definitions.js';
import { VERDICTS, type Verdict, verdictRank } from '../domain/verdict.js';

/** What a report for people (text, Markdown, HTML) shows: the counts, then the findings. */
export interface AuditReport {
  run: AuditRun;
  summary: AuditSummary;
  /** The listed decisions, most restrictive first, then in file order. */
  findings: readonly AuditDecision[];
  invalid: readonly AuditInvalid[];
  /** The verdicts the findings list: every verdict but `allowed`, unless `--only` says otherwise. */
  listed: readonly Verdict[];
  redact: boolean;
}

/** Verdicts from the most restrictive down: the order a reader scans a report in. */
export const VERDICTS_STRICTEST_FIRST: readonly Verdict[] = [...VERDICTS].reverse();

/** Findings are what needs attention first. */
export const byStrictness = (a: AuditDecision, b: AuditDecision): number =>
  verdictRank(b.decision.verdict) - verdictRank(a.decision.verdict);

export const total = (c: VerdictCounts): number => c.allowed + c.conditional + c.discouraged + c.prohibited;

/** "30 decisions that are not allowed" or "4 prohibited decisions": what the findings are. */
export function findingsTitle(report: AuditReport): string {
  const n = report.findings.length;
  const plural = n === 1 ? 'decision' : 'decisions';
  const everyButAllowed = report.listed.length === 3 && !report.listed.includes('allowed');
  if (everyButAllowed) return `${n} ${plural} that ${n === 1 ? 'is' : 'are'} not allowed`;
  if (report.listed.length === VERDICTS.length) return `all ${n} ${plural}`;
  return `${n} ${plural}: ${VERDICTS_STRICTEST_FIRST.filter((v) => report.listed.includes(v)).join(', ')}`;
}

/** The citations behind a finding: its determining rules' and its decisive conditions'. */
export function findingCites(d: Decision): string[] {
  const ids = new Set<string>();
  for (const r of d.rules) if (d.determinedBy.includes(r.id)) for (const c of r.cites) ids.add(c);
  for (const c of d.conditions) if (c.decisive) for (const id of c.cites) ids.add(id);
  return [...ids];
}

/** Every citation the findings point at, once, in order of first use. */
export function reportCitations(findings: readonly AuditDecision[]): Citation[] {
  const byId = new Map<string, Citation>();
  for (const f of findings) {
    const wanted = new Set(findingCites(f.decision));
    for (const c of f.decision.citations) if (wanted.has(c.id) && !byId.has(c.id)) byId.set(c.id, c);
  }
  return [...byId.values()];
}

/** "S-104 Maria Lopez" or, redacted or nameless, "S-104". */
export const who = (f: AuditDecision, redact: boolean): string =>
  redact || f.name === null ? f.staffId : `${f.staffId} ${f.name}`;
