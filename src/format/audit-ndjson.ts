import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary } from '../domain/audit.js';
import type { AuditDetail } from './audit-formats.js';
import { AUDIT_SCHEMA_VERSION } from './audit-formats.js';
import { decisionWithId } from './audit-item-json.js';
import { AuditItems } from './audit-items.js';
import type { AuditRunHead } from './audit-run-head.js';
import type { Chunk } from './chunk.js';

/**
 * The audit as NDJSON (docs/design.md): one JSON value per line, `type` first. `run` opens it;
 * then items and invalid entries as they come, each decision (`--detail shared`) on the line
 * just before the first item that points at it; `summary` ends it, with the SHA-256 of each
 * input as read.
 */
export class AuditNdjson {
  /** A decision written for the item being written, to go out just before it. */
  private decision = '';
  private readonly items: AuditItems;

  constructor(detail: AuditDetail, redact: boolean) {
    this.items = new AuditItems({ depth: null, typed: true }, detail, redact, (d, id) => {
      this.decision = `${decisionWithId(d, id, null, true)}\n`;
    });
  }

  start(run: AuditRunHead): string {
    return `${JSON.stringify({ type: 'run', schemaVersion: AUDIT_SCHEMA_VERSION, ...run })}\n`;
  }

  item(r: AuditDecision): Chunk {
    const item = this.items.item(r);
    if (this.decision === '') return item;
    const decision = this.decision;
    this.decision = '';
    return typeof item === 'string' ? decision + item : [decision, ...item];
  }

  invalid(r: AuditInvalid): string {
    return `${JSON.stringify({ type: 'invalid', staffId: r.staffId, ...r.diagnostic })}\n`;
  }

  end(summary: AuditSummary, run: AuditRun): string {
    return `${JSON.stringify({ type: 'summary', ...summary, inputs: run.inputs })}\n`;
  }
}
