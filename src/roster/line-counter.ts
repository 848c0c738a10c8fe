/**
 * The physical line where each CSV record starts. csv-parse's own `info.lines` counts a CRLF
 * inside a quoted field as two lines, so lines are counted here from each record's raw text
 * instead. With `skip_empty_lines`, csv-parse hands a skipped blank line to the next record's raw
 * text as its one delimiter character, and a record's own delimiter as its first character only.
 */
export class LineCounter {
  /** The line the next record starts on, blank lines aside. */
  next = 1;

  /** Where the record whose raw text this is starts; advances past it. */
  start(raw: string): number {
    let i = 0;
    while (i < raw.length && (raw.charCodeAt(i) === 10 || raw.charCodeAt(i) === 13)) i++;
    const start = this.next + i;
    let breaks = 0;
    for (let j = raw.indexOf('\n', i); j !== -1; j = raw.indexOf('\n', j + 1)) breaks++;
    // A CR alone is a line break; a CR before an LF is part of the CRLF already counted.
    for (let j = raw.indexOf('\r', i); j !== -1; j = raw.indexOf('\r', j + 1)) if (raw.charCodeAt(j + 1) !== 10) breaks++;
    this.next = start + breaks;
    return start;
  }
}
