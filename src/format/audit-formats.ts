/** The audit's output formats (docs/design.md): the option's choices, without loading any writer. */
export const AUDIT_FORMATS = ['text', 'csv', 'json', 'ndjson', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];
