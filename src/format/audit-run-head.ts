import type { AuditInput, AuditRun } from '../domain/audit.js';

/**
 * What produced a report, as a JSON or NDJSON report opens with it: an input's SHA-256 is known
 * before the audit for a regular file (hashed first), and `null` for a pipe or stdin, which can be
 * read only once; the digests of what was read come in the summary at the end.
 */
export interface AuditRunHead extends Omit<AuditRun, 'inputs'> {
  inputs: (Omit<AuditInput, 'sha256'> & { sha256: string | null })[];
}
