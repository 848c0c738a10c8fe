/** How much of the rule set the cases exercise (`ma-check test`). */
export interface CaseCoverage {
  rules: number;
  exercised: number;
  /** Exercised rules in percent, one decimal. */
  percent: number;
  notExercised: string[];
  /** Tasks x jurisdictions with a state file, and how many of those pairs some case asks about. */
  taskStatePairs: number;
  taskStatePairsWithCase: number;
}
