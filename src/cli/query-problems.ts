import type { QueryProblem } from '../evaluate/resolve-query.js';

const BROWSE_HINT: Partial<Record<QueryProblem['field'], string>> = {
  task: "run 'ma-check tasks' for the list",
  credentials: "run 'ma-check credentials' for the list",
};

/** Each problem on its own line, with what was probably meant. */
export function usageProblems(problems: readonly QueryProblem[]): string {
  return problems
    .map((p) => {
      const hint = p.suggestions.length > 0 ? `; did you mean ${p.suggestions.map((s) => `'${s}'`).join(' or ')}?` : BROWSE_HINT[p.field] ? ` (${BROWSE_HINT[p.field]})` : '';
      return `${p.message}${hint}`;
    })
    .join('\nma-check: ');
}
