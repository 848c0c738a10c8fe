import type { SupervisionLevel } from './vocabulary.js';

/** Marks an open list: `[CMA, '...']` means "at least CMA", so what it leaves out is unknown. */
export const OPEN_LIST = '...';

/**
 * A resolved query: canonical ids only. `null` means the user did not say (unknown);
 * a list is complete unless it ends with `OPEN_LIST`; `[]` means none.
 */
export interface Query {
  task: string;
  /** `null`: no state given. `['US']`: the national baseline alone. */
  states: string[] | null;
  credentials: string[] | null;
  supervision: SupervisionLevel | null;
  trainings: string[] | null;
  delegator: string | null;
  setting: string | null;
  confirmed: string[];
  denied: string[];
  /** YYYY-MM-DD. Required: the evaluator never reads a clock. */
  asOf: string;
}

/** A query as a user or a file writes it: names, aliases and any case. */
export type QueryInput = Partial<Omit<Query, 'task' | 'asOf' | 'supervision'>> & {
  task: string;
  asOf: string;
  supervision?: string | null;
};
