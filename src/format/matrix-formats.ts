import { stringify } from 'csv-stringify/sync';
import type { Matrix } from '../domain/matrix.js';
import { legendText, matrixTitle, paintedMark, profileText, VERDICT_MARK, verdictCounts } from './matrix-marks.js';
import type { Paint } from './paint.js';
import { markdownTable } from './table-text.js';

export const MATRIX_FORMATS = ['text', 'csv', 'json', 'markdown'] as const;
export type MatrixFormat = (typeof MATRIX_FORMATS)[number];

/** A matrix in one of its formats; `paint` colours the text grid only. */
export function renderMatrix(matrix: Matrix, format: MatrixFormat, paint: Paint): string {
  switch (format) {
    case 'text':
      return matrixText(matrix, paint);
    case 'csv':
      return matrixCsv(matrix);
    case 'json':
      return `${JSON.stringify(matrix, null, 2)}\n`;
    case 'markdown':
      return matrixMarkdown(matrix);
  }
}

/**
 * A compact grid: one row per task, one letter per cell, column heads above, the legend and the
 * totals below. Columns are as wide as their heads, so 51 states fit in 153 characters.
 */
function matrixText(matrix: Matrix, paint: Paint): string {
  const labelWidth = Math.max(4, ...matrix.rows.map((r) => r.task.length));
  const widths = matrix.columns.map((c) => Math.max(1, c.length));
  const head = `${' '.repeat(labelWidth)} ${matrix.columns.map((c, i) => c.padStart(widths[i]!)).join(' ')}`;
  const lines = [
    paint.bold(`${matrixTitle(matrix)} · ${profileText(matrix)}`),
    '',
    paint.dim(head.trimEnd()),
    ...matrix.rows.map(
      (row) =>
        `${row.task.padEnd(labelWidth)} ${row.verdicts
          .map((v, i) => `${' '.repeat(widths[i]! - 1)}${paintedMark(v, paint)}`)
          .join(' ')}`,
    ),
    '',
    legendText(paint),
    `${matrix.rows.length} tasks × ${matrix.columns.length} ${matrix.by === 'state' ? 'states' : 'columns'}: ${verdictCounts(matrix)}`,
  ];
  return `${lines.join('\n')}\n`;
}

/** One row per task, one column per state (or credential, or level), each cell the verdict's word. */
function matrixCsv(matrix: Matrix): string {
  return stringify([['task', ...matrix.columns], ...matrix.rows.map((row) => [row.task, ...row.verdicts])], {
    escape_formulas: true,
  });
}

function matrixMarkdown(matrix: Matrix): string {
  const table = markdownTable(
    ['task', ...matrix.columns],
    matrix.rows.map((row) => [row.task, ...row.verdicts.map((v) => VERDICT_MARK[v])]),
  );
  return [
    `## ${matrixTitle(matrix)}`,
    '',
    profileText(matrix),
    '',
    table,
    `${Object.entries(VERDICT_MARK)
      .map(([verdict, mark]) => `**${mark}** ${verdict}`)
      .join(' · ')}. ${verdictCounts(matrix)}.`,
    '',
  ].join('\n');
}
