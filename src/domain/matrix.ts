import type { Query } from './query.js';
import type { Verdict } from './verdict.js';
import type { Category } from './vocabulary.js';

/** What a matrix's columns range over; its rows are always tasks. */
export const MATRIX_AXES = ['state', 'credential', 'supervision'] as const;
export type MatrixAxis = (typeof MATRIX_AXES)[number];

/** Tasks by states (or credentials, or supervision levels) for one profile: each cell a verdict. */
export interface Matrix {
  readonly schemaVersion: 1;
  readonly by: MatrixAxis;
  readonly asOf: string;
  readonly rulesDigest: string;
  /**
   * The profile every cell shares, as `check` reads it: `null` is unknown. The column axis's own
   * fact is `null` here and set per column.
   */
  readonly profile: Readonly<
    Pick<
      Query,
      'states' | 'credentials' | 'supervision' | 'trainings' | 'delegator' | 'setting' | 'confirmed' | 'denied'
    >
  >;
  /** Column ids: state codes, credential ids (`none` for none) or supervision levels. */
  readonly columns: readonly string[];
  readonly rows: readonly MatrixRow[];
}

export interface MatrixRow {
  readonly task: string;
  readonly name: string;
  readonly category: Category;
  /** One verdict per column, in column order. */
  readonly verdicts: readonly Verdict[];
}
