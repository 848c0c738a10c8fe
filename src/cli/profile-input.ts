import type { QueryInput } from '../domain/query.js';

/** The profile options of `check`, which the query-space commands take too, as commander gives them. */
export interface ProfileCliOptions {
  cert?: string[];
  supervision?: string;
  training?: string[];
  delegator?: string;
  setting?: string;
  confirm?: string[];
  deny?: string[];
}

/** The profile part of a query input: a fact left out is unknown (`null`), never assumed. */
export const profileInput = (options: ProfileCliOptions): Omit<QueryInput, 'task' | 'states' | 'asOf'> => ({
  credentials: options.cert ?? null,
  supervision: options.supervision ?? null,
  trainings: options.training ?? null,
  delegator: options.delegator ?? null,
  setting: options.setting ?? null,
  confirmed: options.confirm ?? [],
  denied: options.deny ?? [],
});
