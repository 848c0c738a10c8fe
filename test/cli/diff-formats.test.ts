import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { RuleData, RuleRecord, RuleSet } from '../../src/domain/rule-set.js';
import type { DiffReport } from '../../src/domain/rule-set-diff.js';
import { diffJson } from '../../src/format/diff-json.js';
import { diffMarkdown } from '../../src/format/diff-markdown.js';
import { diffText } from '../../src/format/diff-text.js';
import { indexRules } from '../../src/rules/index-rules.js';
import { readSnapshot } from '../../src/rules/snapshot.js';
import { diffRuleSets } from '../../src/space/diff-rule-sets.js';
import { shipped } from '../helpers/load.js';
import { REPO, SHIPPED_RULES } from '../helpers/paths.js';

const AS_OF = '2026-11-25';

/** A report of the shipped rules against a copy with one rule's verdict edited, over one task in CA. */
let report: DiffReport;
let unchanged: DiffReport;

beforeAll(async () => {
  const snapshot = await readSnapshot(join(REPO, 'dist', 'rules.snapshot.json'), SHIPPED_RULES);
  const base: RuleSet = snapshot.fresh ? snapshot.ruleSet : shipped();
  const data: RuleData = { ...base.data };
  data.rules = data.rules.map((r) =>
    r.id === 'CA/no-iv-medications' ? ({ ...r, verdict: 'discouraged' } as RuleRecord) : r,
  );
  const head = indexRules(data, 'sha256:0123456789abcdef-edited');
  const space = { asOf: AS_OF, tasks: ['iv-medication-administration', 'filing'], jurisdictions: ['AK', 'CA'] };
  const sides = (digest: string) => ({
    base: { source: 'origin/main:rules', digest: base.digest },
    head: { source: 'rules', digest },
  });
  report = { ...sides(head.digest), diff: diffRuleSets(base, head, space) };
  unchanged = { ...sides(base.digest), diff: diffRuleSets(base, base, space) };
});

describe('diff formats', () => {
  test('text: counts, then one line a change, grouped by state and task, the rule behind each named', () => {
    const text = diffText(report);
    const lines = text.split('\n');
    const { total, looser } = report.diff.summary.changed;
    expect(lines[0]).toBe(
      `${total} decisions changed of ${report.diff.summary.compared} decisions compared: ${looser} looser, ${total - looser} same verdict`,
    );
    expect(lines[1]).toMatch(
      /^base origin\/main:rules \(sha256:[0-9a-f]{12}…\) → head rules \(sha256:0123456789ab…\) · as of 2026-11-25$/,
    );
    expect(lines[2]).toBe('rules edited: CA/no-iv-medications');
    expect(text).toContain('\nby state\nstate  stricter  looser  same verdict  added  removed  total\nCA ');
    const changeLines = lines.filter((l) => l.startsWith('CA iv-medication-administration  '));
    expect(changeLines).toHaveLength(total);
    expect(changeLines[0]).toMatch(
      /^CA iv-medication-administration {2}\* · (direct|personal) · \S+ · \S+ +prohibited → discouraged \(looser\) +rules edited: CA\/no-iv-medications$/,
    );
    expect(changeLines.at(-1)).toMatch(
      /prohibited \(same verdict: determined by\) +rules edited: CA\/no-iv-medications$/,
    );
  });

  test('text: nothing changed says so, with how many decisions were compared', () => {
    const text = diffText(unchanged);
    expect(text.split('\n')[0]).toBe(`no decision changed (${unchanged.diff.summary.compared} decisions compared)`);
    expect(text).toContain('no rule added, removed or edited');
    expect(text).not.toContain('by state');
  });

  test('markdown: the counts in tables, the first --max-rows changes shown, the rest collapsed with a note', () => {
    const { total } = report.diff.summary.changed;
    const md = diffMarkdown(report, { maxRows: 4 });
    expect(md).toMatch(new RegExp(`^### ma-check diff: ${total} decisions changed\n`));
    expect(md).toContain('Rules edited: `CA/no-iv-medications`.');
    expect(md).toContain('| state | stricter | looser | same verdict | added | removed | total |');
    const [shown, collapsed] = md.split('<details>');
    const rowsOf = (part: string) =>
      part!.split('\n').filter((l) => l.startsWith('| CA | iv-medication-administration |'));
    expect(rowsOf(shown!)).toHaveLength(4);
    expect(shown).toContain(`Showing 4 of ${total}; the other ${total - 4} are collapsed below.`);
    expect(collapsed).toContain(`<summary>${total - 4} more changed decisions</summary>`);
    expect(rowsOf(collapsed!)).toHaveLength(total - 4);
    expect(collapsed!.trimEnd().endsWith('</details>')).toBe(true);
    expect(rowsOf(shown!)[0]).toContain('| prohibited → discouraged (looser) | edited: CA/no-iv-medications |');
    // All fit: no collapsed block.
    expect(diffMarkdown(report, { maxRows: total })).not.toContain('<details>');
  });

  test('markdown: nothing changed is one heading and a line', () => {
    const md = diffMarkdown(unchanged, { maxRows: 50 });
    expect(md).toMatch(/^### ma-check diff: no decision changed\n/);
    expect(md).not.toContain('|');
  });

  test('json: schemaVersion 1, every key in a fixed order, complete', () => {
    const json = JSON.parse(diffJson(report));
    expect(Object.keys(json)).toEqual(['schemaVersion', 'base', 'head', 'asOf', 'summary', 'rules', 'changes']);
    expect(json.schemaVersion).toBe(1);
    expect(Object.keys(json.summary)).toEqual(['compared', 'changed', 'byState', 'byTask']);
    expect(Object.keys(json.summary.changed)).toEqual([
      'total',
      'stricter',
      'looser',
      'same-verdict',
      'added',
      'removed',
    ]);
    expect(json.changes).toHaveLength(report.diff.changes.length);
    const [first] = json.changes;
    expect(Object.keys(first)).toEqual([
      'task',
      'jurisdiction',
      'profile',
      'direction',
      'before',
      'after',
      'changed',
      'rules',
    ]);
    expect(Object.keys(first.profile)).toEqual(['credential', 'supervision', 'delegator', 'training']);
    expect(Object.keys(first.before)).toEqual([
      'verdict',
      'confidence',
      'determinedBy',
      'toVerify',
      'unmet',
      'citations',
    ]);
    expect(first).toMatchObject({
      direction: 'looser',
      before: { verdict: 'prohibited' },
      after: { verdict: 'discouraged' },
      rules: [{ id: 'CA/no-iv-medications', change: 'edited' }],
    });
    expect(diffJson(report)).toBe(diffJson(report));
  });
});
