import { createHash } from 'node:crypto';
import type { RuleData } from '../domain/rule-set.js';

/** JSON with object keys sorted at every level, so equal data always gives equal text. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

/** `sha256:<hex>` of the canonical JSON of the validated rule data (docs/design.md): both load paths print the same. */
export const digestRules = (data: RuleData): string =>
  `sha256:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;
