import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary } from '../domain/audit.js';
import { DECISION_SCHEMA_VERSION } from '../domain/decision.js';
import type { AuditSpool } from './audit-spool.js';
import type { Chunk } from './chunk.js';
import { decisionBody } from './decision-body.js';

/** Pretty JSON of a value nested `depth` levels deep, its first line not indented. */
const nested = (value: unknown, depth: number): string =>
  JSON.stringify(value, null, 2).replace(/\n/g, `\n${'  '.repeat(depth)}`);

/**
 * The audit as one JSON document (docs/design.md): `schemaVersion`, `decisions`, `invalid`, `run`,
 * `summary`. Decisions are written as they come; the invalid entries, which follow them, wait in a
 * spool; `run` comes after them because it names each input's SHA-256, known once the input has
 * been read to its end.
 */
export class AuditJson {
  private decisions = 0;
  private invalidCount = 0;

  constructor(private readonly invalid: AuditSpool) {}

  start(): string {
    return `{\n  "schemaVersion": ${DECISION_SCHEMA_VERSION},\n  "decisions": [`;
  }

  decision(r: AuditDecision, redact: boolean): Chunk {
    const head = `${this.decisions++ === 0 ? '\n' : ',\n'}    {\n      "staffId": ${JSON.stringify(r.staffId)},\n      "name": ${JSON.stringify(redact ? null : r.name)},\n      "line": ${r.line},\n`;
    const rosterLine = r.rosterLine === undefined ? '' : `      "rosterLine": ${r.rosterLine},\n`;
    return [`${head}${rosterLine}`, decisionBody(r.decision, 1), '\n    }'];
  }

  /** Held until the decisions are done: they come after them in the document. */
  hold(r: AuditInvalid): void {
    this.invalid.add(
      `${this.invalidCount++ === 0 ? '' : ',\n'}    ${nested({ staffId: r.staffId, ...r.diagnostic }, 2)}`,
    );
  }

  *end(summary: AuditSummary, run: AuditRun): Iterable<Chunk> {
    yield this.decisions === 0 ? ']' : '\n  ]';
    if (this.invalidCount === 0) yield ',\n  "invalid": []';
    else {
      yield ',\n  "invalid": [\n';
      yield* this.invalid.drain();
      yield '\n  ]';
    }
    yield `,\n  "run": ${nested(run, 1)},\n  "summary": ${nested(summary, 1)}\n}\n`;
  }

  close(): void {
    this.invalid.close();
  }
}
