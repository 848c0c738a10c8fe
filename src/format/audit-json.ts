import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary } from '../domain/audit.js';
import { DECISION_SCHEMA_VERSION } from '../domain/decision.js';
import type { Chunk } from './chunk.js';
import { decisionBody } from './decision-body.js';

/** Pretty JSON of a value nested `depth` levels deep, its first line not indented. */
const nested = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * The audit as one JSON document (docs/design.md): `schemaVersion`, `run`, `decisions`, `invalid`,
 * `summary`. Decisions are written as they come, so only the invalid entries wait for the end.
 */
export class AuditJson {
  private decisions = 0;
  private readonly invalid: AuditInvalid[] = [];

  start(run: AuditRun): string {
    return `{\n  "schemaVersion": ${DECISION_SCHEMA_VERSION},\n  "run": ${nested(run, 1)},\n  "decisions": [`;
  }

  decision(r: AuditDecision, redact: boolean): Chunk {
    const head = `${this.decisions++ === 0 ? '\n' : ',\n'}    {\n      "staffId": ${JSON.stringify(r.staffId)},\n      "name": ${JSON.stringify(redact ? null : r.name)},\n      "line": ${r.line},\n`;
    const rosterLine = r.rosterLine === undefined ? '' : `      "rosterLine": ${r.rosterLine},\n`;
    return [`${head}${rosterLine}`, decisionBody(r.decision, 1), '\n    }'];
  }

  /** Held until the decisions are done: they come after them in the document. */
  hold(r: AuditInvalid): void {
    this.invalid.push(r);
  }

  end(summary: AuditSummary): string {
    const invalid = this.invalid.map((r) => `    ${nested({ staffId: r.staffId, ...r.diagnostic }, 2)}`);
    const decisionsEnd = this.decisions === 0 ? ']' : '\n  ]';
    const invalidList = invalid.length === 0 ? '[]' : `[\n${invalid.join(',\n')}\n  ]`;
    return `${decisionsEnd},\n  "invalid": ${invalidList},\n  "summary": ${nested(summary, 1)}\n}\n`;
  }
}
