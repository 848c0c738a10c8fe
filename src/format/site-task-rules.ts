import { STATES } from '../domain/jurisdictions.js';
import type { RuleRecord } from '../domain/rule-set.js';
import { citeLinks } from './site-citation.js';
import { type HtmlChild, type HtmlElement, h } from './site-html.js';
import { notesList } from './site-notes.js';
import { type RuleFacts, ruleFactsItems } from './site-rule-facts.js';

/** A rule the task page explains in full: the rule, and its facts with its requirements in words. */
export interface FullRule {
  rule: RuleRecord;
  facts: RuleFacts;
}

/** The rules that select one task, by layer, as the task page lists them. */
export interface TaskRuleLists {
  national: readonly FullRule[];
  byState: readonly (readonly [state: string, rules: readonly RuleRecord[]])[];
  overlays: readonly { name: string; rules: readonly FullRule[] }[];
}

/** Where a state's rule is explained in full: its state page. */
export type StateRuleHref = (state: string, ruleId: string) => string;

/**
 * A national or policy rule in full: its summary and sources (cited on this page), then its facts
 * as the state pages give them (verdict with its `unless`, requirements, states, dates), and notes.
 */
function fullRule({ rule: r, facts }: FullRule): HtmlElement {
  const items = ruleFactsItems(facts).filter((item) => item !== null);
  return h(
    'li',
    { class: 'rule' },
    h('code', {}, r.id),
    ' ',
    h('span', { class: 'muted' }, `[${r.basis}, ${r.confidence}]`),
    ': ',
    r.summary,
    ' (',
    citeLinks(r.cites),
    ')',
    items.length ? h('dl', { class: 'facts' }, items) : null,
    r.notes?.length ? notesList(r.notes) : null,
  );
}

/** A state's rules as links to its page, where each is explained in full with its sources. */
const stateRules = (state: string, rules: readonly RuleRecord[], href: StateRuleHref): HtmlElement =>
  h(
    'li',
    {},
    h('strong', {}, `${STATES[state] ?? state} (${state})`),
    ': ',
    rules.flatMap((r, i) => [i > 0 ? ', ' : null, h('a', { href: href(state, r.id) }, r.id)]),
  );

/**
 * Every rule that selects the task: the national rules and any organization policy in full, and
 * each state's rules as links to the state's page.
 */
export function taskRulesView(lists: TaskRuleLists, href: StateRuleHref): HtmlChild[] {
  return [
    h('h3', {}, 'National'),
    h('ul', { class: 'rules' }, lists.national.map(fullRule)),
    lists.overlays.map((o) => [
      h('h3', {}, `Organization policy: ${o.name}`),
      o.rules.length
        ? h('ul', { class: 'rules' }, o.rules.map(fullRule))
        : h('p', {}, 'No rule of this policy selects the task.'),
    ]),
    h('h3', {}, `State rules (${lists.byState.reduce((n, [, rules]) => n + rules.length, 0)})`),
    lists.byState.length
      ? h(
          'ul',
          { class: 'state-rules' },
          lists.byState.map(([state, rules]) => stateRules(state, rules, href)),
        )
      : h('p', {}, 'No state rule selects this task.'),
  ];
}

/** The ids the full rules cite, which the page's own source list must hold. */
export const citedByFullRules = (lists: TaskRuleLists): string[] =>
  [...lists.national, ...lists.overlays.flatMap((o) => o.rules)].flatMap(({ rule: r }) => [
    ...r.cites,
    ...(r.notes ?? []).flatMap((n) => n.cites),
  ]);
