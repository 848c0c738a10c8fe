import { describe, expect, test } from 'vitest';
import { RowMemo } from '../../src/audit/row-memo.js';
import type { Decision } from '../../src/domain/decision.js';

/** A stand-in decision: the memo only keeps and hands back what it was given. */
const decision = (name: string) => ({ name }) as unknown as Decision;
const ID_COLUMNS = [2, 3, 4];

describe('the row memo', () => {
  test('a row is found by the exact text of every id column, whatever its staff id and name', () => {
    const memo = new RowMemo();
    const decisions = [decision('filing'), decision('im-injection')];
    memo.set(['A-1', 'Ann', 'AK', 'CMA', 'filing;im-injection'], ID_COLUMNS, decisions);
    expect(memo.get(['A-2', 'Bo', 'AK', 'CMA', 'filing;im-injection'], ID_COLUMNS)).toBe(decisions);
    for (const other of [
      ['A-2', 'Bo', 'CT', 'CMA', 'filing;im-injection'],
      ['A-2', 'Bo', 'AK', 'RMA', 'filing;im-injection'],
      ['A-2', 'Bo', 'AK', 'CMA', 'filing'],
      ['A-2', 'Bo', 'AK', 'CMA ', 'filing;im-injection'],
      // The texts of two columns swapped: each column is its own.
      ['A-2', 'Bo', 'CMA', 'AK', 'filing;im-injection'],
    ])
      expect(memo.get(other, ID_COLUMNS)).toBeUndefined();
  });

  test('rows that share some columns are told apart by the others', () => {
    const memo = new RowMemo();
    const rows = ['AK', 'CT'].flatMap((state) =>
      ['CMA', 'RMA'].flatMap((cred) => ['filing', 'im-injection'].map((task) => ['x', 'y', state, cred, task])),
    );
    for (const cells of rows) memo.set(cells, ID_COLUMNS, [decision(cells.join(' '))]);
    for (const cells of rows) expect(memo.get(cells, ID_COLUMNS)).toEqual([decision(cells.join(' '))]);
  });

  test('it remembers a bounded number of rows: past them it starts over instead of growing', () => {
    const memo = new RowMemo();
    const first = [decision('first')];
    memo.set(['x', 'y', 'AK', 'CMA', 'filing'], ID_COLUMNS, first);
    for (let i = 0; i < 10_000; i++) memo.set(['x', 'y', 'AK', `C-${i}`, 'filing'], ID_COLUMNS, first);
    expect(memo.get(['x', 'y', 'AK', 'CMA', 'filing'], ID_COLUMNS)).toBeUndefined();
    expect(memo.get(['x', 'y', 'AK', 'C-9999', 'filing'], ID_COLUMNS)).toBe(first);
  });
});
