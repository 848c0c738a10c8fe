import { CHANGE_DIRECTIONS, type ChangeCounts, type DecisionChange, type DiffReport } from '../domain/rule-set-diff.js';
import { DIRECTION_WORDS, movementWords, ruleWords, SUMMARY_RULE_IDS, shortDigest } from './diff-words.js';
import { markdownCode } from './markdown-text.js';
import { markdownTable } from './table-text.js';

export interface DiffMarkdownOptions {
  /** Changed decisions shown as they are; the rest go in a collapsed `<details>` block. */
  maxRows: number;
}

const COUNTS_HEADER = [...CHANGE_DIRECTIONS.map((d) => DIRECTION_WORDS[d]), 'total'];

const countsRow = (name: string, counts: ChangeCounts): string[] => [
  name,
  ...CHANGE_DIRECTIONS.map((d) => String(counts[d])),
  String(counts.total),
];

const CHANGE_HEADER = ['state', 'task', 'credential', 'supervision', 'delegator', 'training', 'change', 'rules'];

/** A table row of a change; cells are escaped by `markdownTable`, so ids go in as text. */
const changeRow = (c: DecisionChange): string[] => [
  c.jurisdiction,
  c.task,
  c.profile.credential,
  c.profile.supervision,
  c.profile.delegator,
  c.profile.training,
  movementWords(c),
  ruleWords(c.rules).replace(/^rules /, ''),
];

/**
 * `diff --format markdown`, for a pull-request comment or a CI step summary: a heading that says
 * what changed, the counts by direction, state and task, then the changed decisions, the first
 * `maxRows` in a table and the rest in a collapsed `<details>` block, with a note of how many.
 */
export function diffMarkdown(report: DiffReport, options: DiffMarkdownOptions): string {
  const { diff } = report;
  const { summary } = diff;
  const { total } = summary.changed;
  const out: string[] = [];
  out.push(
    total === 0
      ? '### ma-check diff: no decision changed'
      : `### ma-check diff: ${total} decision${total === 1 ? '' : 's'} changed`,
    '',
  );
  const side = (s: DiffReport['base']) => `${markdownCode(s.source)} (\`${shortDigest(s.digest)}\`)`;
  out.push(
    `Base ${side(report.base)} → head ${side(report.head)}, as of ${diff.asOf}: ${total} of ${summary.compared} decisions changed.`,
    '',
  );
  out.push(
    diff.rules.length === 0
      ? 'No rule was added, removed or edited.'
      : `${ruleWords(diff.rules, markdownCode, SUMMARY_RULE_IDS).replace(/^rules /, 'Rules ')}.`,
    '',
  );
  if (total === 0) return `${out.join('\n')}\n`;

  out.push(
    markdownTable(
      ['direction', 'decisions'],
      [...CHANGE_DIRECTIONS.map((d) => [DIRECTION_WORDS[d], String(summary.changed[d])]), ['total', String(total)]],
    ),
  );
  out.push(
    markdownTable(
      ['state', ...COUNTS_HEADER],
      summary.byState.map((s) => countsRow(s.jurisdiction, s.counts)),
    ),
  );
  out.push(
    markdownTable(
      ['task', ...COUNTS_HEADER],
      summary.byTask.map((t) => countsRow(t.task, t.counts)),
    ),
  );

  out.push('#### Changed decisions', '');
  const shown = diff.changes.slice(0, options.maxRows);
  const rest = diff.changes.slice(options.maxRows);
  if (shown.length > 0) out.push(markdownTable(CHANGE_HEADER, shown.map(changeRow)));
  if (rest.length > 0) {
    const more = `${rest.length} more changed decision${rest.length === 1 ? '' : 's'}`;
    out.push(
      `Showing ${shown.length} of ${total}; the other ${rest.length} are collapsed below.`,
      '',
      '<details>',
      `<summary>${more}</summary>`,
      '',
      markdownTable(CHANGE_HEADER, rest.map(changeRow)),
      '</details>',
      '',
    );
  }
  return `${out.join('\n')}\n`;
}
