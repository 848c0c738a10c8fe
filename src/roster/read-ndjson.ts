import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { RosterItem } from '../domain/roster.js';
import { jsonRecord } from './json-record.js';
import type { ReadStats } from './read-stats.js';

/**
 * An NDJSON roster, streamed: one JSON object per line, blank lines skipped. A line that does not
 * parse is reported and the next line read, since every line stands alone.
 */
export async function* readNdjson(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let line = 0;
  let first = true;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    let text = rest + decoder.write(chunk);
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
    if (items.length > 0) yield items;
  }
  const last = itemOf(rest + decoder.end(), ++line, stats);
  if (last !== null) yield [last];
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
