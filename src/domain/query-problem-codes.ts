import type { DiagnosticCode } from './diagnostic.js';

/**
 * The codes a query problem carries (a name that matches nothing, a value not allowed): the same
 * codes as in rule files and rosters, so a roster row's problem reads like a rule file's.
 */
export const QUERY_PROBLEM_CODES = [
  'unknown-task',
  'unknown-state',
  'unknown-credential',
  'unknown-training',
  'unknown-role',
  'unknown-setting',
  'unknown-condition',
  'invalid-value',
] as const satisfies readonly DiagnosticCode[];

export type QueryProblemCode = (typeof QUERY_PROBLEM_CODES)[number];
