import { createHash } from 'node:crypto';
import { canonicalJson } from '../domain/canonical-json.js';
import type { RuleData } from '../domain/rule-set.js';

/** `sha256:<hex>` of the canonical JSON of the validated rule data (docs/design.md): both load paths print the same. */
export const digestRules = (data: RuleData): string =>
  `sha256:${createHash('sha256').update(canonicalJson(data)).digest('hex')}`;
