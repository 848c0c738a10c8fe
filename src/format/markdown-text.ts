/**
 * Text from a roster inside Markdown: every character Markdown or inline HTML would act on is
 * backslash-escaped, so a name like `<img src=x>` or `[x](javascript:…)` stays text. Line breaks
 * become spaces, so a cell stays one table cell.
 */
export const markdownText = (text: string): string =>
  text.replace(/[\\`*_{}[\]()<>#+!|~&"]/g, '\\$&').replace(/[\r\n\t]+/g, ' ');

/** Text from a roster inside a code span, where backslashes are literal: backticks and line breaks are all it must not hold. */
export const markdownCode = (text: string): string => `\`${text.replace(/`/g, "'").replace(/[\r\n\t]+/g, ' ')}\``;
