/**
 * The physical line where each CSV record starts, counted from the records themselves: a record
 * ends with one line break, and a quoted cell keeps any line break inside it (CRLF, LF or CR
 * alone each count one). csv-parse's own `info.lines` counts a CRLF inside quotes twice, and its
 * `raw` option costs more than this; the reader uses `info.lines` only to know when there is no
 * line break inside a batch of records to count (see readCsv).
 */
export class LineCounter {
  /** The line the next record starts on. */
  next = 1;

  /** Where a record known to hold no line break starts; advances past it. */
  skip(): number {
    return this.next++;
  }

  /** Where the record with these cells starts; advances past it. */
  start(cells: readonly string[]): number {
    const start = this.next;
    let lines = 1;
    for (const cell of cells) {
      if (cell.indexOf('\n') === -1 && cell.indexOf('\r') === -1) continue;
      const breaks = cell.match(/\r\n|\r|\n/g);
      lines += breaks === null ? 0 : breaks.length;
    }
    this.next = start + lines;
    return start;
  }
}
