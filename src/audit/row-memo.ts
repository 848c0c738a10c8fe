import type { Decision } from '../domain/decision.js';

/** Rows remembered per audit; when full it starts over. */
const MEMO_SIZE = 10_000;

/** One level per id column: each cell's text leads to the next column's map, the last to the decisions. */
type Level = Map<string, Level | readonly Decision[]>;

/**
 * The decisions of CSV rows, by the exact text of the cells they are decided from. Most rows of
 * a roster repeat another's state, credentials, supervision and tasks; for those, the audit only
 * needs who and where, not another pass through parsing, resolving and the evaluator. Only rows
 * that came out whole (every task decided, nothing invalid) are remembered. Keyed cell by cell
 * rather than by one joined string: nothing to allocate per row, and no separator to escape.
 */
export class RowMemo {
  private root: Level = new Map();
  private size = 0;

  get(cells: readonly string[], columns: readonly number[]): readonly Decision[] | undefined {
    let node: Level | readonly Decision[] | undefined = this.root;
    for (const i of columns) {
      node = (node as Level).get(cells[i]!);
      if (node === undefined) return undefined;
    }
    return node as readonly Decision[];
  }

  set(cells: readonly string[], columns: readonly number[], decisions: readonly Decision[]): void {
    if (this.size >= MEMO_SIZE) {
      this.root = new Map();
      this.size = 0;
    }
    let node = this.root;
    columns.forEach((column, n) => {
      const cell = cells[column]!;
      if (n === columns.length - 1) {
        node.set(cell, decisions);
        return;
      }
      let next = node.get(cell) as Level | undefined;
      if (next === undefined) {
        next = new Map();
        node.set(cell, next);
      }
      node = next;
    });
    this.size++;
  }
}
