import type { Citation } from './schema/definitions.js';
import { LAW_TEXT_KINDS } from './vocabulary.js';

/** The text of a statute, regulation or board rule, on its publisher's own site. */
export const isOfficialLawText = (c: Pick<Citation, 'kind' | 'source'>): boolean =>
  c.source === 'official' && LAW_TEXT_KINDS.includes(c.kind);
