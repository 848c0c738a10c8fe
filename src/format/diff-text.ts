import { CHANGE_DIRECTIONS, type ChangeCounts, type DiffReport } from '../domain/rule-set-diff.js';
import {
  DIRECTION_WORDS,
  movementWords,
  profileWords,
  ruleWords,
  SUMMARY_RULE_IDS,
  shortDigest,
} from './diff-words.js';
import { textTable } from './table-text.js';
import { terminalSafe } from './terminal-safe.js';

const countsRow = (name: string, counts: ChangeCounts): string[] => [
  name,
  ...CHANGE_DIRECTIONS.map((d) => String(counts[d])),
  String(counts.total),
];

const COUNTS_HEADER = [...CHANGE_DIRECTIONS.map((d) => DIRECTION_WORDS[d]), 'total'];

/**
 * `diff --format text`: the counts by direction, state and task, then every changed decision on
 * a line of its own (state, task, profile, how it moved, the rules behind it), grouped by state
 * and task, so a line can be grepped on its own.
 */
export function diffText(report: DiffReport): string {
  const { diff } = report;
  const { summary } = diff;
  const out: string[] = [];
  const compared = `${summary.compared} decision${summary.compared === 1 ? '' : 's'} compared`;
  if (summary.changed.total === 0) out.push(`no decision changed (${compared})`);
  else {
    const moved = CHANGE_DIRECTIONS.filter((d) => summary.changed[d] > 0).map(
      (d) => `${summary.changed[d]} ${DIRECTION_WORDS[d]}`,
    );
    out.push(
      `${summary.changed.total} decision${summary.changed.total === 1 ? '' : 's'} changed of ${compared}: ${moved.join(', ')}`,
    );
  }
  const side = (s: DiffReport['base']) => `${terminalSafe(s.source)} (${shortDigest(s.digest)})`;
  out.push(`base ${side(report.base)} → head ${side(report.head)} · as of ${diff.asOf}`);
  out.push(
    diff.rules.length === 0 ? 'no rule added, removed or edited' : ruleWords(diff.rules, undefined, SUMMARY_RULE_IDS),
  );
  if (summary.changed.total === 0) return `${out.join('\n')}\n`;

  out.push('', 'by state');
  out.push(
    textTable(
      ['state', ...COUNTS_HEADER],
      summary.byState.map((s) => countsRow(s.jurisdiction, s.counts)),
    ).trimEnd(),
  );
  out.push('', 'by task');
  out.push(
    textTable(
      ['task', ...COUNTS_HEADER],
      summary.byTask.map((t) => countsRow(t.task, t.counts)),
    ).trimEnd(),
  );

  const lines = diff.changes.map((c) => ({
    jurisdiction: c.jurisdiction,
    where: `${c.jurisdiction} ${c.task}`,
    profile: profileWords(c.profile),
    movement: movementWords(c),
    rules: ruleWords(c.rules),
  }));
  // A loop, not Math.max(...): a diff can change more decisions than a call takes arguments.
  const width = (key: 'where' | 'profile' | 'movement') => lines.reduce((w, l) => Math.max(w, l[key].length), 0);
  const [where, profile, movement] = [width('where'), width('profile'), width('movement')];
  let state: string | undefined;
  for (const l of lines) {
    if (l.jurisdiction !== state) out.push('');
    state = l.jurisdiction;
    out.push(`${l.where.padEnd(where)}  ${l.profile.padEnd(profile)}   ${l.movement.padEnd(movement)}  ${l.rules}`);
  }
  return `${out.join('\n')}\n`;
}
