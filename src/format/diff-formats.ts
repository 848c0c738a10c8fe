import type { DiffReport } from '../domain/rule-set-diff.js';
import { diffJson } from './diff-json.js';
import { diffMarkdown } from './diff-markdown.js';
import { diffText } from './diff-text.js';

/** The diff's output formats: the option's choices. */
export const DIFF_FORMATS = ['text', 'markdown', 'json'] as const;
export type DiffFormat = (typeof DIFF_FORMATS)[number];

/** How many changed decisions the Markdown shows before it collapses the rest, unless told. */
export const DEFAULT_MAX_ROWS = 50;

/** The diff in one of its formats. */
export function renderDiff(report: DiffReport, format: DiffFormat, maxRows = DEFAULT_MAX_ROWS): string {
  if (format === 'json') return diffJson(report);
  if (format === 'markdown') return diffMarkdown(report, { maxRows });
  return diffText(report);
}
