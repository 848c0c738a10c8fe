import { describe, expect, test } from 'vitest';
import type { Diagnostic } from '../../src/domain/diagnostic.js';
import { PLAIN } from '../../src/format/paint.js';
import { reportText } from '../../src/format/report/report-text.js';

const at = (line: number, column: number, endColumn: number): Diagnostic => ({
  code: 'stale-snapshot',
  severity: 'warning',
  file: 'f.json',
  line,
  column,
  endLine: line,
  endColumn,
  pointer: '',
  message: 'm',
});
const frame = (source: string, d: Diagnostic) =>
  reportText(
    { command: 'validate', version: '0', files: ['f.json'], diagnostics: [d] },
    new Map([['f.json', source.split('\n')]]),
    PLAIN,
  )
    .split('\n')
    .slice(2, 4);

describe('code frames', () => {
  test('a short line is shown whole, the caret under the range', () => {
    expect(frame('a: [x, yy]', at(1, 8, 10))).toEqual(['    1 | a: [x, yy]', '      |        ^^']);
  });

  test('a long line (a minified file) is cut to a window around the range, marked with ellipses', () => {
    const long = `${'a'.repeat(300)}BAD${'b'.repeat(300)}`;
    const [line, caret] = frame(long, at(1, 301, 304));
    expect(line!.length).toBeLessThan(140);
    expect(line).toMatch(/^ {4}1 \| …a+BADb+…$/);
    expect(caret!.indexOf('^')).toBe(line!.indexOf('BAD'));
    expect(caret).toMatch(/\^{3}$/);
  });

  test('a long line whose range is at the start keeps the start and cuts the end', () => {
    const [line, caret] = frame(`{"format":2,${'x'.repeat(500)}`, at(1, 1, 1));
    expect(line).toMatch(/^ {4}1 \| \{"format":2,x+…$/);
    expect(caret).toBe('      | ^');
  });
});
