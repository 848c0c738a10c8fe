import type { Decision } from '../domain/decision.js';
import type { ColumnPlan } from './roster-entry.js';

/** Rows remembered per audit; when full it starts over. */
const MEMO_SIZE = 10_000;

/** The key's separator; a row with it in an id cell is never remembered, so keys cannot clash. */
const SEPARATOR = '\u0000';

/**
 * The decisions of CSV rows, by the exact text of the cells they are decided from. Most rows of
 * a roster repeat another's state, credentials, supervision and tasks; for those, the audit only
 * needs who and where, not another pass through parsing, resolving and the evaluator. Only rows
 * that came out whole (every task decided, nothing invalid) are remembered.
 */
export class RowMemo {
  private readonly memo = new Map<string, readonly Decision[]>();

  /** The row's key from its id cells, or `null` for a row that must be decided afresh. */
  keyOf(cells: readonly string[], plan: ColumnPlan): string | null {
    let key = '';
    for (const i of plan.idIndexes) {
      const cell = cells[i]!;
      if (cell.indexOf(SEPARATOR) !== -1) return null;
      key += `${cell}${SEPARATOR}`;
    }
    return key;
  }

  get(key: string): readonly Decision[] | undefined {
    return this.memo.get(key);
  }

  set(key: string, decisions: readonly Decision[]): void {
    if (this.memo.size >= MEMO_SIZE) this.memo.clear();
    this.memo.set(key, decisions);
  }
}
