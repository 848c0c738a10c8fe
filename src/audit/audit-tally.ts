import { type AuditRecord, type AuditSummary, NO_STATE_KEY, type VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { Verdict } from '../domain/verdict.js';

/** Distinct decisions counted one by one before their counts are put into the totals. */
const PENDING = 4_096;

const zero = (): VerdictCounts => ({ allowed: 0, conditional: 0, discouraged: 0, prohibited: 0 });

/** `n` more `verdict` under `key`, starting the key's counts at zero. */
function countIn(counts: Record<string, VerdictCounts>, key: string, verdict: Verdict, n: number): void {
  let forKey = counts[key];
  if (forKey === undefined) {
    forKey = zero();
    counts[key] = forKey;
  }
  forKey[verdict] += n;
}

/**
 * Counts an audit as it streams by: every decision by verdict, state and task, every invalid
 * entry, and the records they are in (`invalidRows`, a name kept for the JSON contract). What a
 * report lists (`--only`) never changes what it counts.
 */
export class AuditTally {
  private readonly summary: AuditSummary = {
    rows: 0,
    decisions: 0,
    invalid: 0,
    invalidRows: 0,
    byVerdict: zero(),
    byState: {},
    byTask: {},
  };
  private lastInvalid = '';
  /**
   * How many times each decision came since the totals were last brought up to date. A roster
   * repeats a few thousand decisions millions of times: one count per record here, and the
   * counts by verdict, state and task once per distinct decision.
   */
  private pending = new Map<Decision, { n: number }>();

  add(record: AuditRecord): void {
    const s = this.summary;
    if (record.type === 'invalid') {
      s.invalid++;
      // A record's problems arrive together, all at the record's start: a new file:line:column is a
      // new invalid record. A line is not enough: a JSON array may hold many records on one line.
      const { file, line, column } = record.diagnostic;
      const where = `${file}\u0000${line}:${column}`;
      if (where !== this.lastInvalid) s.invalidRows++;
      this.lastInvalid = where;
      return;
    }
    const d = record.decision;
    const count = this.pending.get(d);
    if (count !== undefined) count.n++;
    else {
      if (this.pending.size >= PENDING) this.settle();
      this.pending.set(d, { n: 1 });
    }
  }

  /** The pending counts into the totals. */
  private settle(): void {
    const s = this.summary;
    for (const [d, { n }] of this.pending) {
      s.decisions += n;
      s.byVerdict[d.verdict] += n;
      countIn(s.byTask, d.task.id, d.verdict, n);
      if (d.byState.length === 0) countIn(s.byState, NO_STATE_KEY, d.verdict, n);
      for (const st of d.byState) countIn(s.byState, st.state, st.verdict, n);
    }
    this.pending = new Map();
  }

  /** The counts so far, keys sorted so equal audits print equal bytes. `rows` comes from the reader. */
  result(rows: number): AuditSummary {
    this.settle();
    const sorted = (o: Record<string, VerdictCounts>) =>
      Object.fromEntries(
        Object.keys(o)
          .sort()
          .map((k) => [k, { ...o[k]! }]),
      );
    const s = this.summary;
    return {
      rows,
      decisions: s.decisions,
      invalid: s.invalid,
      invalidRows: s.invalidRows,
      byVerdict: { ...s.byVerdict },
      byState: sorted(s.byState),
      byTask: sorted(s.byTask),
    };
  }
}
