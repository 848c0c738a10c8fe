import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { STATES } from '../../src/domain/jurisdictions.js';
import { stateProfile } from '../../src/evaluate/state-profile.js';
import { ruleFacts } from '../../src/site/rule-facts.js';
import { siteContext } from '../../src/site/site-context.js';
import { statePage } from '../../src/site/state-page.js';
import { taskPage } from '../../src/site/task-page.js';
import { ruleSetAt, shipped } from '../helpers/load.js';
import { FIXTURES, SHIPPED_RULES } from '../helpers/paths.js';

const AS_OF = '2026-11-25';
/** clinic-policy: `clinic-policy/no-iv-in-alaska` (iv-insertion, states [AK], prohibited), `clinic-policy/filing-training` (every state). */
const CLINIC = join(FIXTURES, 'overlays', 'clinic-policy');

/** One site's context over the shipped rules and the clinic's policy; pages are built one at a time, no whole site. */
const site = () =>
  siteContext(ruleSetAt(SHIPPED_RULES, [CLINIC]), { digest: 'sha256:test', asOf: AS_OF, version: '9.9.9' });

/** The task page with an empty states-by-credential table, which these tests do not read (it takes every state's matrix). */
function ivTaskPage(): string {
  const context = site();
  const resolved = context.evaluator.resolve({ task: 'iv-insertion', states: ['US'], asOf: AS_OF });
  if (!resolved.ok) throw new Error('iv-insertion does not resolve');
  return taskPage(context, context.ruleSet.tasks.get('iv-insertion')!, {
    baseline: context.evaluator.evaluate(resolved.query),
    credentials: { columns: [], rowsByTask: new Map() },
  });
}

/** The list item (task page) or article (state page) of one rule, without the file's line breaks. */
const ruleBlock = (page: string, id: string, tag: 'li' | 'article'): string => {
  const start = page.indexOf(
    tag === 'li' ? `<li class="rule"><code>${id}</code>` : `<article class="rule" id="rule-${id}">`,
  );
  expect(start, id).toBeGreaterThan(-1);
  return page.slice(start, page.indexOf(`</${tag}>`, start)).replaceAll('\n', '');
};

/** Every `href="#…"` of a page names an element of it. */
const anchorsResolve = (page: string): void => {
  const ids = new Set([...page.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]));
  for (const [, anchor] of page.matchAll(/\shref="#([^"]+)"/g)) expect(ids.has(anchor!), `#${anchor}`).toBe(true);
};

describe('the rules’ facts on the task and state pages', () => {
  test('a task page gives an overlay rule’s states and a rule’s unless, as the state pages do', () => {
    const page = ivTaskPage();
    const policy = ruleBlock(page, 'clinic-policy/no-iv-in-alaska', 'li');
    expect(policy).toContain('<dt>Verdict</dt><dd><strong>prohibited</strong></dd>');
    expect(policy).toContain('<dt>States</dt><dd>AK</dd>');
    expect(ruleBlock(page, 'iv-insertion/baseline', 'li')).toContain(
      '<dd><strong>discouraged</strong> unless all of: condition infusion-role-in-policy; training infusion-therapy-course; condition competency-validated; condition infusion-outcomes-monitored</dd>',
    );
    anchorsResolve(page);
  });

  test('a state page lists the policy rules that cover the state, with their sources, and only those', () => {
    const alaska = statePage(site(), 'AK');
    expect(alaska).toContain('<h2 id="policy-1">Organization policy: clinic-policy (2)</h2>');
    expect(ruleBlock(alaska, 'clinic-policy/no-iv-in-alaska', 'article')).toContain('<dt>States</dt><dd>AK</dd>');
    expect(ruleBlock(alaska, 'clinic-policy/filing-training', 'article')).toContain(
      '<dt>Requires</dt><dd>training clinic-policy-records-course</dd><dt>States</dt><dd>every state and DC</dd>',
    );
    expect(alaska).toContain('<li id="cite-clinic-policy-manual" class="citation">');
    anchorsResolve(alaska);
    const washington = statePage(site(), 'WA');
    expect(washington).toContain('Organization policy: clinic-policy (1)');
    expect(washington).not.toContain('clinic-policy/no-iv-in-alaska');
    anchorsResolve(washington);
  });

  test('without --rules a state page has no policy section', () => {
    const context = siteContext(shipped(), { digest: 'sha256:test', asOf: AS_OF, version: '9.9.9' });
    expect(statePage(context, 'AK')).not.toContain('Organization policy');
  });

  test('a requirement reads the same on both pages: the words of `ma-check state` for every state rule', () => {
    const ruleSet = shipped();
    let compared = 0;
    for (const code of Object.keys(STATES))
      for (const r of stateProfile(ruleSet, code).rules) {
        const facts = ruleFacts(ruleSet.rules.get(r.id)!);
        expect({ unless: facts.unless, requires: facts.requires }, r.id).toEqual({
          unless: r.unless,
          requires: r.requires,
        });
        compared += r.unless.length + r.requires.length;
      }
    expect(compared).toBeGreaterThan(50);
  });
});
