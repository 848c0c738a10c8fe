import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary } from '../domain/audit.js';
import { AUDIT_SCHEMA_VERSION, type AuditDetail } from './audit-formats.js';
import { decisionWithId, prettyAt } from './audit-item-json.js';
import { AuditItems } from './audit-items.js';
import type { AuditRunHead } from './audit-run-head.js';
import type { AuditSpool } from './audit-spool.js';
import type { Chunk } from './chunk.js';

/** A list member of the document: compact, or pretty two levels deep (each on its own line). */
const member = (pretty: boolean, first: boolean): string =>
  pretty ? (first ? '\n    ' : ',\n    ') : first ? '' : ',';

/**
 * The audit as one JSON document (docs/design.md): `schemaVersion`, `run`, `items`, `decisions`
 * (with `--detail shared`), `invalid`, `summary`; exactly `JSON.stringify` of that document,
 * compact or (`--pretty`) with two-space indents, and a line end. Items are written as they
 * come; the decisions they point at, first met among them, and the invalid entries wait in
 * spools (outside memory beyond a few kilobytes) until the items are done. `summary` ends with
 * the SHA-256 of each input as read.
 */
export class AuditJson {
  private itemCount = 0;
  private decisionCount = 0;
  private invalidCount = 0;
  private readonly items: AuditItems;

  constructor(
    private readonly detail: AuditDetail,
    private readonly pretty: boolean,
    redact: boolean,
    private readonly decisions: AuditSpool,
    private readonly invalid: AuditSpool,
  ) {
    this.items = new AuditItems({ depth: pretty ? 2 : null, typed: false }, detail, redact, (d, id) =>
      this.decisions.add(
        `${member(pretty, this.decisionCount++ === 0)}${decisionWithId(d, id, pretty ? 2 : null, false)}`,
      ),
    );
  }

  start(run: AuditRunHead): string {
    return this.pretty
      ? `{\n  "schemaVersion": ${AUDIT_SCHEMA_VERSION},\n  "run": ${prettyAt(run, 1)},\n  "items": [`
      : `{"schemaVersion":${AUDIT_SCHEMA_VERSION},"run":${JSON.stringify(run)},"items":[`;
  }

  item(r: AuditDecision): Chunk {
    this.itemCount++;
    return this.items.item(r);
  }

  /** Held until the items are done: the list comes after them in the document. */
  hold(r: AuditInvalid): void {
    const entry = { staffId: r.staffId, ...r.diagnostic };
    this.invalid.add(
      `${member(this.pretty, this.invalidCount++ === 0)}${this.pretty ? prettyAt(entry, 2) : JSON.stringify(entry)}`,
    );
  }

  *end(summary: AuditSummary, run: AuditRun): Iterable<Chunk> {
    const pretty = this.pretty;
    yield* this.list('items', this.itemCount, [], true);
    if (this.detail === 'shared') yield* this.list('decisions', this.decisionCount, this.decisions.drain());
    yield* this.list('invalid', this.invalidCount, this.invalid.drain());
    const closing = { ...summary, inputs: run.inputs };
    yield pretty ? `,\n  "summary": ${prettyAt(closing, 1)}\n}\n` : `,"summary":${JSON.stringify(closing)}}\n`;
  }

  close(): void {
    this.decisions.close();
    this.invalid.close();
  }

  /** A list's key and members (`open` when the key is already written), then its closing bracket. */
  private *list(key: string, count: number, members: Iterable<Chunk>, open = false): Iterable<Chunk> {
    const pretty = this.pretty;
    if (!open) yield pretty ? `,\n  "${key}": [` : `,"${key}":[`;
    yield* members;
    yield pretty && count > 0 ? '\n  ]' : ']';
  }
}
