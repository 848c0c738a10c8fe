import type { QueryProblem } from './resolve-query.js';

/** A query problem in one line, with what was probably meant: the same words on stderr and in an audit. */
export const problemText = (p: QueryProblem): string =>
  p.suggestions.length > 0
    ? `${p.message}; did you mean ${p.suggestions.map((s) => `'${s}'`).join(' or ')}?`
    : p.message;
