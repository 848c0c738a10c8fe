import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary } from '../domain/audit.js';
import { DECISION_SCHEMA_VERSION } from '../domain/decision.js';
import type { Chunk } from './chunk.js';
import { decisionBody } from './decision-body.js';

/**
 * One JSON value per line, `type` first (docs/design.md): decisions and invalid entries as they
 * come, then `run` (it names each input's SHA-256, known once the input has been read to its
 * end), then `summary`, last.
 */
export const ndjsonRun = (run: AuditRun): string =>
  `${JSON.stringify({ type: 'run', schemaVersion: DECISION_SCHEMA_VERSION, ...run })}\n`;

/** `staffId`, `name`, `line` (and `rosterLine`), then the decision's own keys. */
export function ndjsonDecision(r: AuditDecision, redact: boolean): Chunk {
  const name = redact ? null : r.name;
  const rosterLine = r.rosterLine === undefined ? '' : `,"rosterLine":${r.rosterLine}`;
  return [
    `{"type":"decision","staffId":${JSON.stringify(r.staffId)},"name":${JSON.stringify(name)},"line":${r.line}${rosterLine},`,
    decisionBody(r.decision, 0),
    '}\n',
  ];
}

export const ndjsonInvalid = (r: AuditInvalid): string =>
  `${JSON.stringify({ type: 'invalid', staffId: r.staffId, ...r.diagnostic })}\n`;

export const ndjsonSummary = (s: AuditSummary): string => `${JSON.stringify({ type: 'summary', ...s })}\n`;
