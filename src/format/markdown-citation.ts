import type { Citation } from '../domain/schema/definitions.js';
import { citationLine } from './decision-text.js';
import { markdownCell } from './escape.js';

/**
 * An http(s) address made only of characters that start no Markdown or HTML there: printed as it
 * is, so renderers link it and readers can copy it. `*`, `[`, `]`, quotes, `<`, `>`, backslashes,
 * backticks and spaces are not among them.
 */
const PLAIN_URL = /^https?:\/\/[\w\-.~:/?#@!$&'()+,;=%]+$/;

/** A citation address in Markdown: a plain one as it is, anything else escaped like the text around it. */
export const markdownUrl = (url: string): string => (PLAIN_URL.test(url) ? url : markdownCell(url));

/** A citation on one line of Markdown, its text and its address escaped (see `citationLine`). */
export function markdownCitation(c: Citation): string {
  if (!c.url) return markdownCell(citationLine(c));
  // The line without its address (nor the locator an address replaces), then the address.
  const { url, locator: _, ...rest } = c;
  return `${markdownCell(citationLine(rest))} ${markdownUrl(url)}`;
}
