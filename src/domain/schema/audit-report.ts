import { z } from 'zod';
import { VERDICTS } from '../verdict.js';
import { CONFIDENCES } from '../vocabulary.js';

/**
 * The audit's JSON report and NDJSON lines, audit `schemaVersion: 2` (docs/design.md): what a
 * script reading them may rely on. `scripts/write-schemas.ts` writes them to
 * `schema/audit-report.schema.json` and `schema/audit-record.schema.json`; a test holds the audit's
 * output to them.
 */

const Verdict = z.enum(VERDICTS);
const Count = z.int().min(0);
const Line = z.int().min(1);
/** A decision's id in a report: `d1`, `d2`… in the order the report first uses them. */
const DecisionId = z.string().regex(/^d[1-9][0-9]*$/);

/** An input the audit read: its SHA-256 as read (summary), or before the audit (run; `null` for a pipe or stdin). */
const input = <T extends z.ZodType>(sha256: T) =>
  z.strictObject({ role: z.enum(['roster', 'assignments']), name: z.string(), sha256 });
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/);

const Run = {
  tool: z.literal('ma-check'),
  version: z.string(),
  rulesDigest: z.string().regex(/^sha256:[0-9a-f]{64}$/),
  asOf: z.iso.date(),
  failOn: Verdict,
  inputs: z.array(input(Sha256.nullable())).min(1),
};

/** The decision JSON of `check --format json` (its own `schemaVersion: 1`), described as far as a report reader needs. */
const DecisionJson = {
  schemaVersion: z.literal(1),
  query: z.looseObject({ task: z.string(), states: z.array(z.string()).nullable(), asOf: z.iso.date() }),
  task: z.strictObject({ id: z.string(), name: z.string() }),
  verdict: Verdict,
  confidence: z.enum(CONFIDENCES),
  summary: z.string(),
  determinedBy: z.array(z.string()),
  byState: z.array(z.strictObject({ state: z.string(), verdict: Verdict, determinedBy: z.array(z.string()) })),
  conditions: z.array(z.looseObject({ kind: z.string(), status: z.enum(['unknown', 'unmet']) })),
  rules: z.array(z.looseObject({ id: z.string() })),
  citations: z.array(z.looseObject({ id: z.string() })),
  coverage: z.array(z.looseObject({ jurisdiction: z.string() })),
  rulesDigest: z.string(),
};
const Decision = z.strictObject(DecisionJson);

/** One (staff member, task): who, where, what, and its decision by id (or, `--detail full`, the decision). */
const Item = {
  staffId: z.string(),
  /** `null` when the roster gives none, and with `--redact`. */
  name: z.string().nullable(),
  /** The physical line where the record starts; with `--assignments`, in the assignments file. */
  line: Line,
  /** With `--assignments`: the staff member's line in the roster. */
  rosterLine: Line.optional(),
  task: z.string(),
  states: z.array(z.string()).nullable(),
  verdict: Verdict,
  decision: z.union([DecisionId, Decision]),
};

/** A record that could not be audited: a diagnostic, with the staff id when it is known. */
const Invalid = {
  staffId: z.string().nullable(),
  code: z.string(),
  severity: z.enum(['error', 'warning']),
  file: z.string(),
  line: Line,
  column: Line,
  endLine: Line,
  endColumn: Line,
  pointer: z.string(),
  message: z.string(),
};

const VerdictCounts = z.strictObject({ allowed: Count, conditional: Count, discouraged: Count, prohibited: Count });

/** Counts over every decision, whatever `--only` lists; the inputs' SHA-256 as read. */
const Summary = {
  rows: Count,
  decisions: Count,
  invalid: Count,
  invalidRows: Count,
  byVerdict: VerdictCounts,
  byState: z.record(z.string(), VerdictCounts),
  byTask: z.record(z.string(), VerdictCounts),
  inputs: z.array(input(Sha256)).min(1),
};

/** `audit --format json`: compact unless `--pretty`. `decisions` is there unless `--detail full`. */
export const AuditJsonReport = z.strictObject({
  schemaVersion: z.literal(2),
  run: z.strictObject(Run),
  items: z.array(z.strictObject(Item)),
  decisions: z.array(z.strictObject({ id: DecisionId, ...DecisionJson })).optional(),
  invalid: z.array(z.strictObject(Invalid)),
  summary: z.strictObject(Summary),
});

/** One line of `audit --format ndjson`: `run` first, `summary` last, each decision before the first item pointing at it. */
export const AuditNdjsonRecord = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('run'), schemaVersion: z.literal(2), ...Run }),
  z.strictObject({ type: z.literal('decision'), id: DecisionId, ...DecisionJson }),
  z.strictObject({ type: z.literal('item'), ...Item }),
  z.strictObject({ type: z.literal('invalid'), ...Invalid }),
  z.strictObject({ type: z.literal('summary'), ...Summary }),
]);

/** The report and an NDJSON line, by the name of their JSON Schema file in `schema/`. */
const AUDIT_REPORT_SCHEMAS = {
  'audit-report': { schema: AuditJsonReport, title: 'ma-check audit report (audit --format json)' },
  'audit-record': { schema: AuditNdjsonRecord, title: 'ma-check audit record (one line of audit --format ndjson)' },
} as const;
export type AuditReportSchemaName = keyof typeof AUDIT_REPORT_SCHEMAS;
export const AUDIT_REPORT_SCHEMA_NAMES = Object.keys(AUDIT_REPORT_SCHEMAS) as AuditReportSchemaName[];

/** Draft-07 JSON Schema of the audit's output, generated from the zod schema (the single source of truth). */
export function auditReportJsonSchema(name: AuditReportSchemaName): Record<string, unknown> {
  const { schema, title } = AUDIT_REPORT_SCHEMAS[name];
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'output', unrepresentable: 'any' });
  return { ...json, title };
}
