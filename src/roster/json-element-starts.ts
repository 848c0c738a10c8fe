/** Where a top-level array element starts: its offset, and its 1-based line and column. */
interface ElementStart {
  offset: number;
  line: number;
  column: number;
}

/**
 * The position of each element of a top-level JSON array, found by one scan that tracks only
 * strings and nesting: `JSON.parse` gives values but no positions, and an auditor needs the line
 * of each record's `{`. The text is assumed to parse; positions of a broken file are not used.
 */
export function jsonElementStarts(text: string): ElementStart[] {
  const starts: ElementStart[] = [];
  let depth = 0;
  let inString = false;
  let expectValue = false;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
      continue;
    }
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
      continue;
    }
    if (c === 0x20 || c === 0x09 || c === 0x0d) continue;
    if (depth === 1 && expectValue && c !== 0x5d) {
      starts.push({ offset: i, line, column: i - lineStart + 1 });
      expectValue = false;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      depth++;
      if (depth === 1 && c === 0x5b) expectValue = true;
    } else if (c === 0x5d || c === 0x7d) depth--;
    else if (c === 0x2c && depth === 1) expectValue = true;
  }
  return starts;
}

/** The 1-based line and column of an offset, for a JSON syntax error. */
export function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || (c === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
