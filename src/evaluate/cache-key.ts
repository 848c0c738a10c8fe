import type { Query } from '../domain/query.js';

/**
 * The one key scheme of the evaluator's caches: fields joined by `|`, list items by `,`, and `~`
 * for a value not given (unlike the empty list). Ids never contain these characters.
 */
const field = (value: string | null | readonly string[]): string =>
  value === null ? '~' : typeof value === 'string' ? value : value.join(',');

const cacheKey = (...fields: readonly (string | null | readonly string[])[]): string => fields.map(field).join('|');

/** Everything a decision depends on besides the rule set. */
export const queryKey = (q: Query): string =>
  cacheKey(
    q.task,
    q.states,
    q.credentials,
    q.supervision,
    q.trainings,
    q.delegator,
    q.setting,
    q.confirmed,
    q.denied,
    q.asOf,
  );

/** Everything a plan depends on besides the rule set. */
export const planKey = (task: string, state: string | null, asOf: string): string => cacheKey(task, state, asOf);
