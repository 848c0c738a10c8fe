import type { Decision } from './decision.js';
import type { Diagnostic } from './diagnostic.js';
import type { Verdict } from './verdict.js';

/** One decision of an audit: a staff member, a task, and where the row is (docs/design.md). */
export interface AuditDecision {
  type: 'decision';
  staffId: string;
  /** `null` when the roster gives no name, or under `--redact`. */
  name: string | null;
  /** The record's line: in the roster, or in the assignments file when there is one. */
  line: number;
  /** With `--assignments`: the staff member's line in the roster. */
  rosterLine?: number;
  decision: Decision;
}

/** A row (or a part of one) that could not be evaluated: a §8 diagnostic plus the staff id if known. */
export interface AuditInvalid {
  type: 'invalid';
  staffId: string | null;
  diagnostic: Diagnostic;
}

export type AuditRecord = AuditDecision | AuditInvalid;

export type VerdictCounts = Record<Verdict, number>;

/** Counts over every decision, whatever `--only` lists. */
export interface AuditSummary {
  /** Records read: roster rows, or assignments with `--assignments`. */
  rows: number;
  decisions: number;
  /** Invalid entries (diagnostics). */
  invalid: number;
  /**
   * The records they are in: a CSV row, a JSON or NDJSON record (several may share a line), or a
   * file-level problem (a header, an unreadable file). Named for rows, and kept so: a JSON contract.
   */
  invalidRows: number;
  byVerdict: VerdictCounts;
  /** Each state's own verdict (`byState` of the decision); `not-given` when a row names no state. */
  byState: Record<string, VerdictCounts>;
  byTask: Record<string, VerdictCounts>;
}

/** The state key of a decision whose row names no state. */
export const NO_STATE_KEY = 'not-given';

/** A file the audit read, as named on the command line (`-` for stdin), and its SHA-256. */
export interface AuditInput {
  role: 'roster' | 'assignments';
  name: string;
  sha256: string;
}

/** What produced a report: enough to reproduce it. */
export interface AuditRun {
  tool: 'ma-check';
  version: string;
  rulesDigest: string;
  asOf: string;
  failOn: Verdict;
  inputs: AuditInput[];
}
