/** The audit's output formats (docs/design.md): the option's choices, without loading any writer. */
export const AUDIT_FORMATS = ['text', 'csv', 'json', 'ndjson', 'markdown', 'html'] as const;
export type AuditFormat = (typeof AUDIT_FORMATS)[number];

/**
 * How JSON and NDJSON give each item's decision (`--detail`): `shared`, each distinct decision
 * written once with an id that items point at; `full`, the whole decision inside every item.
 */
export const AUDIT_DETAILS = ['shared', 'full'] as const;
export type AuditDetail = (typeof AUDIT_DETAILS)[number];

/** The version of the audit's JSON and NDJSON layout (docs/design.md); the decision inside keeps its own. */
export const AUDIT_SCHEMA_VERSION = 2;
