import type { AuditInvalid } from '../domain/audit.js';

/** An invalid entry on one line, as editors and CI logs link it: `file:line:col  error  message  code (staff S-7)`. */
export const diagnosticText = (i: AuditInvalid): string => {
  const d = i.diagnostic;
  return `${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}${i.staffId !== null ? `  (staff ${i.staffId})` : ''}`;
};
