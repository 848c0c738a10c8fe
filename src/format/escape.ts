/** Text safe inside a Markdown table cell: pipes escaped, line breaks flattened. */
export const markdownCell = (text: string): string =>
  text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
