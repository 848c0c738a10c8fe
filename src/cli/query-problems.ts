import { problemText } from '../evaluate/problem-text.js';
import type { QueryProblem } from '../evaluate/resolve-query.js';

const BROWSE_HINT: Partial<Record<QueryProblem['field'], string>> = {
  task: "run 'ma-check tasks' for the list",
  credentials: "run 'ma-check credentials' for the list",
};

/** Each problem on its own line, with what was probably meant. */
export function usageProblems(problems: readonly QueryProblem[]): string {
  return problems
    .map((p) =>
      p.suggestions.length === 0 && BROWSE_HINT[p.field] ? `${p.message} (${BROWSE_HINT[p.field]})` : problemText(p),
    )
    .join('\nma-check: ');
}
