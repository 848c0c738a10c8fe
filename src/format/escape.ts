/**
 * Text from rule files inside Markdown, in a table cell or a line of prose: every character that
 * starts markup there (emphasis, code, links and images, inline HTML and autolinks, entities,
 * strikethrough, table pipes) is backslash-escaped, so a summary or a citation URL holding
 * `"><script>` or `[x](javascript:…)` stays text. Line breaks become spaces, so a cell stays one
 * cell. Parentheses, `#` and `!` start nothing once `[`, `]` and line starts are out of reach.
 */
export const markdownCell = (text: string): string =>
  text.replace(/[\\`*_[\]<>|&~]/g, '\\$&').replace(/\r\n?|\n/g, ' ');
