import { STATES } from '../domain/jurisdictions.js';
import type { RuleRecord } from '../domain/rule-set.js';
import { citeLinks } from './site-citation.js';
import { type HtmlChild, type HtmlElement, h } from './site-html.js';
import { notesList } from './site-notes.js';

/** The rules that select one task, by layer, as the task page lists them. */
export interface TaskRuleLists {
  national: readonly RuleRecord[];
  byState: readonly (readonly [state: string, rules: readonly RuleRecord[]])[];
  overlays: readonly { name: string; rules: readonly RuleRecord[] }[];
}

/** Where a state's rule is explained in full: its state page. */
export type StateRuleHref = (state: string, ruleId: string) => string;

const dated = (r: RuleRecord): string =>
  [r.effective && `from ${r.effective}`, r.until && `until ${r.until}`].filter(Boolean).join(', ');

/** A national or policy rule in full: its summary, explicit verdict, notes and sources (cited on this page). */
function fullRule(r: RuleRecord): HtmlElement {
  const when = dated(r);
  return h(
    'li',
    { class: 'rule' },
    h('code', {}, r.id),
    ' ',
    h('span', { class: 'muted' }, `[${r.basis}, ${r.confidence}]${when ? ` (${when})` : ''}`),
    r.verdict ? [' ', h('strong', {}, r.verdict)] : null,
    ': ',
    r.summary,
    ' (',
    citeLinks(r.cites),
    ')',
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
  [...lists.national, ...lists.overlays.flatMap((o) => o.rules)].flatMap((r) => [
    ...r.cites,
    ...(r.notes ?? []).flatMap((n) => n.cites),
  ]);
