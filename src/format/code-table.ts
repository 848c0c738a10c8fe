import type { CodeDoc } from '../domain/diagnostic-codes.js';

/** Pipes would end a markdown table cell early. */
const cell = (text: string): string => text.replace(/\|/g, '\\|');

/**
 * A markdown table of diagnostic codes, one row per code in the table's order: what it means and
 * how to fix it. The README's code tables are this function's output, checked by a test.
 */
export function codeTableMarkdown(codes: Readonly<Record<string, CodeDoc>>, severity: CodeDoc['severity']): string {
  const rows = Object.entries(codes)
    .filter(([, doc]) => doc.severity === severity)
    .map(([code, doc]) => `| \`${code}\` | ${cell(doc.summary)} | ${cell(doc.fix)} |`);
  return ['| code | meaning | fix |', '|---|---|---|', ...rows].join('\n');
}
