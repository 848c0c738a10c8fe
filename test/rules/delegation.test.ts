import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { isOfficialLawText } from '../../src/domain/official-law-text.js';
import type { Delegation } from '../../src/domain/schema/files.js';
import { delegationRule } from '../../src/rules/delegation-rule.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { deriveCoverage } from '../../src/rules/state-coverage.js';
import { decide, minimal } from '../helpers/load.js';
import { FIXTURES, MINIMAL } from '../helpers/paths.js';

const provision = (over: Partial<Delegation> = {}): Delegation => ({
  summary: 'S.',
  confidence: 'high',
  cites: ['src-a'],
  delegators: ['physician', 'pa'],
  ...over,
});

describe('the rule a delegation block builds', () => {
  test.each([
    [
      'an exclusive provision requires its delegators first, then its own requirements',
      provision({ requires: [{ condition: 'written-order' }] }),
      [{ delegator: { anyOf: ['physician', 'pa'] } }, { condition: 'written-order' }],
    ],
    [
      'a provision silent on other delegators builds no delegator requirement',
      provision({ exclusive: false, requires: [{ condition: 'written-order' }] }),
      [{ condition: 'written-order' }],
    ],
    [
      'a provision with nothing to require beyond its delegators',
      provision(),
      [{ delegator: { anyOf: ['physician', 'pa'] } }],
    ],
  ])('%s', (_name, block, requires) => {
    const rule = delegationRule('AK', block);
    expect(rule.id).toBe('AK/general-delegation');
    expect(rule.basis).toBe('law');
    expect(rule.requires).toEqual(requires);
    expect(rule.appliesTo).toEqual({ categories: ['clinical', 'laboratory', 'imaging', 'specialized'] });
  });

  test('a provision may narrow the categories and except tasks', () => {
    const rule = delegationRule('AK', provision({ categories: ['clinical'], except: { tasks: ['triage'] } }));
    expect(rule.appliesTo).toEqual({ categories: ['clinical'] });
    expect(rule.except).toEqual({ tasks: ['triage'] });
  });

  test('a finding that there is none asks to confirm delegation with the board, with its own sources', () => {
    const rule = delegationRule('NV', {
      none: true,
      summary: 'Searched X.',
      confidence: 'medium',
      cites: ['nv-practice-act'],
    });
    expect(rule).toMatchObject({
      id: 'NV/no-delegation-provision',
      basis: 'law',
      confidence: 'medium',
      cites: ['nv-practice-act'],
    });
    expect(rule.requires).toEqual([{ condition: 'delegation-confirmed-with-board' }]);
  });
});

describe('delegation in a loaded rule set', () => {
  test('the provision becomes XX/general-delegation and the state keeps its delegators', () => {
    const rs = minimal();
    expect(rs.rules.get('AK/general-delegation')?.requires).toEqual([{ delegator: { anyOf: ['physician', 'pa'] } }]);
    expect(rs.states.get('AK')?.delegators).toEqual(['physician', 'pa']);
  });

  test('a finding speaks only for the tasks no other rule of the state addresses (a rule that ended does not count)', () => {
    const finding = minimal().rules.get('NV/no-delegation-provision');
    expect(finding?.except).toEqual({ tasks: ['vaccine-administration'] });
  });

  test('a task under the finding is conditional on confirming with the board, determined by the state', () => {
    const d = decide(minimal(), {
      task: 'im-injection',
      states: ['NV'],
      credentials: ['CMA'],
      supervision: 'direct',
      delegator: 'physician',
    });
    expect(d.verdict).toBe('conditional');
    expect(d.determinedBy).toContain('NV/no-delegation-provision');
    expect(d.conditions).toContainEqual(
      expect.objectContaining({ kind: 'condition', requires: 'delegation-confirmed-with-board', status: 'unknown' }),
    );
    expect(d.coverage).toEqual([expect.objectContaining({ jurisdiction: 'NV', addressed: true })]);
    expect(d.citations.map((c) => c.id)).toContain('nv-practice-act');
  });

  test('a task a state rule addresses is answered by that rule, not the finding', () => {
    const d = decide(minimal(), { task: 'vaccine-administration', states: ['NV'], confirmed: ['written-order'] });
    expect(d.rules.map((r) => r.id)).not.toContain('NV/no-delegation-provision');
  });

  test('a supervision term brings its definition’s source, kept apart from what the rule cites itself', () => {
    const rule = minimal().rules.get('AK/injections-direct');
    expect([rule?.cites, rule?.definitionCites]).toEqual([['src-a'], ['ak-definitions']]);
  });
});

describe('coverage, derived from the sources', () => {
  const official = { kind: 'statute', source: 'official' } as const;
  const copy = { kind: 'statute', source: 'copy' } as const;
  const guidance = { kind: 'agency-guidance', source: 'official' } as const;
  const citations: Record<string, { kind: 'statute' | 'agency-guidance'; source: 'official' | 'copy' }> = {
    off: official,
    cp: copy,
    gd: guidance,
  };
  const lookup = (id: string) => citations[id];

  type Row = [
    string,
    { cites: string[] } | undefined,
    { id: string; basis: 'law' | 'guidance'; cites: string[] }[],
    string,
  ];
  const block = (cites: string[]) => ({ id: 'NV/general-delegation', basis: 'law' as const, cites });
  const finding = (cites: string[]) => ({ id: 'NV/no-delegation-provision', basis: 'law' as const, cites });
  test.each<Row>([
    ['no rule', undefined, [], 'none'],
    [
      'delegation and every other law rule on official law text',
      { cites: ['off'] },
      [block(['off']), { id: 'NV/x', basis: 'law', cites: ['off', 'cp'] }],
      'reviewed',
    ],
    [
      'a finding on a board page (its rule is judged as the block), law rules on official text',
      { cites: ['gd'] },
      [finding(['gd']), { id: 'NV/x', basis: 'law', cites: ['off'] }],
      'reviewed',
    ],
    [
      'a law rule on a copy only',
      { cites: ['off'] },
      [block(['off']), { id: 'NV/x', basis: 'law', cites: ['cp'] }],
      'partial',
    ],
    [
      'a law rule on board guidance only (official, but not the law itself)',
      { cites: ['off'] },
      [{ id: 'NV/x', basis: 'law', cites: ['gd'] }],
      'partial',
    ],
    [
      'a guidance rule on a copy does not count against it',
      { cites: ['off'] },
      [block(['off']), { id: 'NV/x', basis: 'guidance', cites: ['cp'] }],
      'reviewed',
    ],
    ['rules but no delegation block', undefined, [{ id: 'NV/x', basis: 'law', cites: ['off'] }], 'partial'],
    [
      'a delegation block on a copy',
      { cites: ['cp'] },
      [block(['cp']), { id: 'NV/x', basis: 'law', cites: ['off'] }],
      'partial',
    ],
  ])('%s: %s', (_name, delegation, rules, level) => {
    expect(deriveCoverage('NV', delegation, rules, lookup)).toBe(level);
  });

  test('official law text is a statute, regulation or board rule from its publisher', () => {
    expect(isOfficialLawText(official)).toBe(true);
    expect(isOfficialLawText(copy)).toBe(false);
    expect(isOfficialLawText(guidance)).toBe(false);
  });

  test('the loaded fixture states get their levels and latest review day', () => {
    const rs = minimal();
    expect(rs.states.get('AK')).toMatchObject({ coverage: 'reviewed', reviewed: '2026-12-01' });
    expect(rs.states.get('CT')).toMatchObject({ coverage: 'partial', reviewed: '2026-11-25' });
    expect(rs.states.get('NV')).toMatchObject({ coverage: 'partial', reviewed: '2026-12-01' });
  });
});

/** `# expect-warning: code[, code]` markers in a lint fixture's files, as `file:line code`. */
function expectedWarnings(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      readFileSync(join(folder, file), 'utf8')
        .split('\n')
        .flatMap(
          (line, i) =>
            /# expect-warning: (.+)$/
              .exec(line)?.[1]
              ?.split(',')
              .map((code) => `${file.split(sep).join('/')}:${i + 1} ${code.trim()}`) ?? [],
        ),
    )
    .sort();
}

describe('lint fixtures: the minimal rule set plus files that mark the warnings they must produce', () => {
  const LINT = join(FIXTURES, 'lint');
  test.each(readdirSync(LINT))('%s', (name) => {
    const root = mkdtempSync(join(tmpdir(), 'ma-check-lint-'));
    try {
      cpSync(MINIMAL, root, { recursive: true });
      cpSync(join(LINT, name), root, { recursive: true });
      const result = loadRules({ root, cwd: root, lint: { today: '2026-12-07', maxAgeMonths: 24 } });
      expect(result.ok).toBe(true);
      const found = result.diagnostics
        .filter((d) => d.severity === 'warning' && d.code !== 'missing-jurisdiction')
        .map((d) => `${d.file}:${d.line} ${d.code}`)
        .sort();
      expect(found).toEqual(expectedWarnings(join(LINT, name)));
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
