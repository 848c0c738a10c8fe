import type { Readable } from 'node:stream';
import type { RosterItem } from '../domain/roster.js';
import type { InputFormat } from './input-format.js';
import { readCsv } from './read-csv.js';
import { readJson } from './read-json.js';
import { readNdjson } from './read-ndjson.js';
import type { ReadStats } from './read-stats.js';

/**
 * A roster or assignments file as items, in file order, in batches of whatever was ready (one
 * await per batch, not per row); `stats.records` counts as they are read.
 */
export function readRoster(input: Readable, format: InputFormat, stats: ReadStats): AsyncGenerator<RosterItem[]> {
  switch (format) {
    case 'csv':
      return readCsv(input, stats);
    case 'json':
      return readJson(input, stats);
    case 'ndjson':
      return readNdjson(input, stats);
  }
}
