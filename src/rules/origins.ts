import type { Origin } from './reporter.js';

/**
 * Where each definition and rule was written, keyed by `originKey(kind, id)`: built while linking,
 * read by the reference checks and the lint rules to place their findings.
 */
export type Origins = Map<string, Origin>;

export const originKey = (kind: string, id: string): string => `${kind}:${id}`;
