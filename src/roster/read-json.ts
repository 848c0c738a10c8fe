import type { Readable } from 'node:stream';
import type { RosterItem } from '../domain/roster.js';
import { jsonElementStarts, positionOf } from './json-element-starts.js';
import { jsonRecord } from './json-record.js';
import type { ReadStats } from './read-stats.js';
import { notUtf8Item, Utf8Check } from './utf8-check.js';

/** Records handed on at a time, so the audit writes as it goes even from one document. */
const BATCH = 4096;

/**
 * A JSON roster: an array of objects, one per staff member. JSON is one document, so it is read
 * whole (CSV and NDJSON stream); each record's line is the line of its `{`. A byte that is not
 * UTF-8 is reported at its line and column, and nothing of the file is audited.
 */
export async function* readJson(input: Readable, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  const utf8 = new Utf8Check();
  const chunks: Buffer[] = [];
  for await (const chunk of input as AsyncIterable<Buffer>) {
    chunks.push(utf8.pass(chunk));
    if (utf8.failure !== undefined) break;
  }
  utf8.end();
  if (utf8.failure !== undefined) {
    yield [notUtf8Item(utf8.failure, 'no row of this file was audited')];
    return;
  }
  let text = Buffer.concat(chunks).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') {
    yield [
      {
        kind: 'unreadable',
        line: 1,
        column: 1,
        code: 'empty-file',
        message: 'the roster is empty: a JSON roster is an array of objects',
        fatal: true,
      },
    ];
    return;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const offset = Number(/position (\d+)/.exec(message)?.[1] ?? 0);
    const { line, column } = positionOf(text, offset);
    yield [
      {
        kind: 'unreadable',
        line,
        column,
        code: 'json-syntax',
        message: `not JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}; no row of this file was audited`,
        fatal: true,
      },
    ];
    return;
  }
  if (!Array.isArray(data)) {
    yield [
      {
        kind: 'unreadable',
        line: 1,
        column: 1,
        code: 'wrong-type',
        message: 'a JSON roster is an array of objects, one per staff member',
        fatal: true,
      },
    ];
    return;
  }
  const starts = jsonElementStarts(text);
  for (let from = 0; from < data.length; from += BATCH) {
    const items: RosterItem[] = [];
    for (let i = from; i < Math.min(data.length, from + BATCH); i++) {
      stats.records++;
      const at = starts[i] ?? { line: 1, column: 1 };
      items.push(jsonRecord(data[i], at.line, at.column, `/${i}`));
    }
    yield items;
  }
}
