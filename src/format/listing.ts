import { stringify } from 'csv-stringify/sync';
import { markdownTable, textTable } from './table-text.js';

export const LISTING_FORMATS = ['text', 'json', 'markdown', 'csv'] as const;
export type ListingFormat = (typeof LISTING_FORMATS)[number];

/** A browse listing: the same rows as a text table, JSON, Markdown or CSV. */
export interface Listing<T> {
  /** The JSON envelope key: `tasks`, `credentials`. */
  key: string;
  items: readonly T[];
  columns: readonly { header: string; value: (item: T) => string }[];
  /** What JSON carries for each item (richer than the table). */
  json: (item: T) => unknown;
}

/** Renders a listing; CSV cells that a spreadsheet would run as formulas are neutralized (csv-stringify's `escape_formulas`). */
export function renderListing<T>(listing: Listing<T>, format: ListingFormat): string {
  const header = listing.columns.map((c) => c.header);
  const rows = listing.items.map((item) => listing.columns.map((c) => c.value(item)));
  switch (format) {
    case 'json':
      return `${JSON.stringify({ schemaVersion: 1, [listing.key]: listing.items.map(listing.json) }, null, 2)}\n`;
    case 'markdown':
      return markdownTable(header, rows);
    case 'csv':
      return stringify([header, ...rows], { escape_formulas: true });
    case 'text':
      return textTable(header, rows);
  }
}
