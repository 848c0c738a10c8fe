import type { Readable } from 'node:stream';
import type { RosterItem } from '../domain/roster.js';
import { jsonRecord } from './json-record.js';
import type { ReadStats } from './read-stats.js';
import { notUtf8Item, Utf8Check } from './utf8-check.js';

/**
 * An NDJSON roster, streamed: one JSON object per line, blank lines skipped. A line that does not
 * parse is reported and the next line read, since every line stands alone. A byte that is not
 * UTF-8 ends the file (the line it is on is not read), and a file with no line but blank ones is
 * empty, as an empty CSV or JSON roster is.
 */
export async function* readNdjson(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  const utf8 = new Utf8Check();
  let rest = '';
  let line = 0;
  let first = true;
  let content = false;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    // The check passes whole characters only, so each piece decodes alone.
    let text = rest + utf8.pass(chunk).toString('utf8');
    if (first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      first = false;
    }
    const items: RosterItem[] = [];
    let from = 0;
    for (let nl = text.indexOf('\n'); nl !== -1; nl = text.indexOf('\n', from)) {
      const item = itemOf(text.slice(from, nl), ++line, stats);
      if (item !== null) items.push(item);
      from = nl + 1;
    }
    rest = text.slice(from);
    content ||= items.length > 0;
    if (items.length > 0) yield items;
    if (utf8.failure !== undefined) break;
  }
  utf8.end();
  if (utf8.failure !== undefined) {
    // The line with the invalid byte is cut short: it is not read.
    yield [notUtf8Item(utf8.failure, 'nothing from here on was read')];
    return;
  }
  const last = itemOf(rest, ++line, stats);
  if (last !== null) yield [last];
  else if (!content)
    yield [
      {
        kind: 'unreadable',
        line: 1,
        column: 1,
        code: 'empty-file',
        message: 'the roster is empty: an NDJSON roster has one JSON object per line',
        fatal: true,
      },
    ];
}
function itemOf(text: string, line: number, stats: ReadStats): RosterItem | null {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const indent = text.length - text.trimStart().length;
  stats.records++;
  let value: unknown;
  try {
    value = JSON.parse(trimmed);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const column = indent + 1 + (position ? Number(position[1]) : 0);
    return {
      kind: 'unreadable',
      line,
      column,
      code: 'json-syntax',
      message: `not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}; the line was not audited`,
      fatal: false,
    };
  }
  return jsonRecord(value, line, indent + 1, '');
}
