import type { Note } from '../domain/schema/common.js';
import type { Citation } from '../domain/schema/definitions.js';
import type { ProfileRule, StateProfile } from '../domain/state-profile.js';
import type { CoverageLevel } from '../domain/vocabulary.js';
import { citationList, citeLinks } from './site-citation.js';
import { fragment, type HtmlChild, type HtmlElement, type HtmlFragment, h } from './site-html.js';
import { notesList } from './site-notes.js';
import { type RuleFacts, ruleFactsItems } from './site-rule-facts.js';

/** What the state page links to and adds to the profile: task names and pages, and each rule's notes. */
export interface StateProfileLinks {
  taskName(id: string): string;
  taskHref(id: string): string;
  /** The checker, asked about this state. */
  checkerHref: string;
  /** A rule's notes (not binding), which the profile itself leaves out. */
  ruleNotes(id: string): readonly Note[];
}

/** An organization policy's rule that covers the state, with the states it is limited to. */
export type PolicyRule = ProfileRule & { states: NonNullable<RuleFacts['states']> };

/** What a site built with `--rules` adds to a state's page: each overlay's rules that cover the state. */
export interface StatePolicy {
  /** Every overlay, in overlay order, with its rules that cover the state (maybe none). */
  overlays: readonly { name: string; rules: readonly PolicyRule[] }[];
  /** The sources those rules cite that the state's own list does not hold. */
  citations: readonly Citation[];
}

const NO_POLICY: StatePolicy = { overlays: [], citations: [] };

/** The anchor of a rule on its state's page. */
export const ruleAnchor = (id: string): string => `rule-${id}`;

/** What each coverage level means (README, "Coverage and sources"): derived, never written by hand. */
const COVERAGE_MEANING: Readonly<Record<CoverageLevel, string>> = {
  reviewed:
    'its delegation provision (or its cited finding that it has none) cites an official source, and every law rule of the state cites the official text of the law.',
  partial:
    'it has rules, but its delegation block or some law rule rests on copies or board guidance only (or it has no delegation block).',
  none: 'it has no rule.',
};

const SOURCE_KINDS = ['official', 'copy', 'commentary'] as const;

function sourceCounts(citations: readonly Citation[]): string {
  const n = (kind: string) => citations.filter((c) => c.source === kind).length;
  return SOURCE_KINDS.map((kind) => `${n(kind)} ${kind === 'copy' && n(kind) !== 1 ? 'copies' : kind}`).join(', ');
}

function delegationView(p: StateProfile): HtmlChild[] {
  const d = p.delegation;
  if (!d)
    return [
      h('p', {}, 'Not researched into the rules: decisions for clinical tasks here say that no state rule is encoded.'),
    ];
  if (!d.found)
    return [
      h('p', {}, `No general delegation provision found (confidence ${d.confidence}; `, citeLinks(d.cites), ').'),
      h('p', {}, d.summary),
    ];
  // Without `exclusive`, the list is for reading: the provision's requirements say who may delegate.
  const who = d.delegators.length
    ? `${d.delegators.join(', ')}${d.exclusive ? '' : ' (not a closed list; the requirements decide)'}`
    : 'delegators not named';
  return [
    h('p', {}, h('strong', {}, 'Who may delegate: '), who, ` (confidence ${d.confidence}; `, citeLinks(d.cites), ').'),
    h('p', {}, d.summary),
  ];
}

/** A rule explained in full: a state's own, or an organization policy's that covers the state. */
function ruleView(r: ProfileRule & Pick<RuleFacts, 'states'>, links: StateProfileLinks): HtmlElement {
  const notes = links.ruleNotes(r.id);
  return h(
    'article',
    { class: 'rule', id: ruleAnchor(r.id) },
    h('h3', {}, h('code', {}, r.id), ' ', h('span', { class: 'muted' }, `[${r.basis}, ${r.confidence}]`)),
    h('p', {}, r.summary),
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Tasks'),
      h(
        'dd',
        {},
        r.tasks.flatMap((id, i) => [i > 0 ? ', ' : null, h('a', { href: links.taskHref(id) }, links.taskName(id))]),
      ),
      ruleFactsItems(r),
      h('dt', {}, 'Cites'),
      h('dd', {}, citeLinks(r.cites)),
    ),
    notes.length ? [h('h4', {}, 'Notes (not binding)'), notesList(notes)] : null,
  );
}

/** Each task the state's rules select, with the rules that select it, in task-name order. */
function byTaskTable(p: StateProfile, links: StateProfileLinks): HtmlElement {
  const rulesOf = new Map<string, string[]>();
  for (const r of p.rules) for (const task of r.tasks) rulesOf.set(task, [...(rulesOf.get(task) ?? []), r.id]);
  const tasks = [...rulesOf.keys()].sort((a, b) => {
    const x = links.taskName(a);
    const y = links.taskName(b);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return h(
    'table',
    { class: 'rules-by-task' },
    h('caption', {}, 'Rules by task'),
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'task'), h('th', { scope: 'col' }, 'rules'))),
    h(
      'tbody',
      {},
      tasks.map((task) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: links.taskHref(task) }, links.taskName(task))),
          h(
            'td',
            {},
            rulesOf.get(task)!.flatMap((id, i) => [i > 0 ? ', ' : null, h('a', { href: `#${ruleAnchor(id)}` }, id)]),
          ),
        ),
      ),
    ),
  );
}

/**
 * `ma-check state XX` as a page: the delegation provision (or the finding that there is none),
 * defined supervision terms, credentials, rules by task, conflicts, notes, sources with their kind
 * of source and their addresses, and coverage. Every text from the rule files stays text.
 */
export function stateProfileView(
  p: StateProfile,
  links: StateProfileLinks,
  policy: StatePolicy = NO_POLICY,
): HtmlFragment {
  const sources = [...p.citations, ...policy.citations];
  return fragment(
    h('h1', {}, `${p.name} (${p.code})`),
    h(
      'p',
      { class: 'lead' },
      `Coverage ${p.coverage}${p.reviewed ? `, sources last read ${p.reviewed}` : ''}. `,
      h('a', { href: links.checkerHref, class: 'no-print' }, `Check a task in ${p.name}`),
    ),
    h('section', { 'aria-labelledby': 'delegation' }, h('h2', { id: 'delegation' }, 'Delegation'), delegationView(p)),
    p.definitions.length
      ? h(
          'section',
          { 'aria-labelledby': 'definitions' },
          h('h2', { id: 'definitions' }, 'Supervision terms defined'),
          h(
            'dl',
            { class: 'definitions' },
            p.definitions.map((d) => [
              h('dt', {}, `“${d.term}”`),
              h('dd', {}, `${d.level} supervision: ${d.meaning} (`, citeLinks(d.cites), ')'),
            ]),
          ),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'credentials' },
      h('h2', { id: 'credentials' }, 'Credentials'),
      p.credentials.length
        ? h(
            'table',
            {},
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                ['id', 'name', 'issuer', 'scope'].map((c) => h('th', { scope: 'col' }, c)),
              ),
            ),
            h(
              'tbody',
              {},
              p.credentials.map((c) =>
                h(
                  'tr',
                  {},
                  h('td', {}, h('code', {}, c.id)),
                  h('td', {}, c.name),
                  h('td', {}, c.issuer),
                  h('td', {}, c.scope),
                ),
              ),
            ),
          )
        : h('p', {}, 'None named by the rules.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'rules' },
      h('h2', { id: 'rules' }, `Rules (${p.rules.length})`),
      p.rules.length
        ? [byTaskTable(p, links), p.rules.map((r) => ruleView(r, links))]
        : h('p', {}, 'None: decisions for clinical tasks here rest on the national baseline and say so.'),
    ),
    policy.overlays.map((o, i) =>
      h(
        'section',
        { 'aria-labelledby': `policy-${i + 1}` },
        h('h2', { id: `policy-${i + 1}` }, `Organization policy: ${o.name} (${o.rules.length})`),
        o.rules.length
          ? o.rules.map((r) => ruleView(r, links))
          : h('p', {}, `No rule of this policy covers ${p.name}.`),
      ),
    ),
    p.conflicts.length
      ? h(
          'section',
          { 'aria-labelledby': 'conflicts' },
          h('h2', { id: 'conflicts' }, 'Conflicts between sources'),
          h(
            'ul',
            {},
            p.conflicts.map((c) =>
              h('li', {}, c.summary, ' ', h('strong', {}, 'Resolution: '), c.resolution, ' (', citeLinks(c.cites), ')'),
            ),
          ),
        )
      : null,
    p.notes.length
      ? h(
          'section',
          { 'aria-labelledby': 'notes' },
          h('h2', { id: 'notes' }, 'Notes (not binding)'),
          notesList(p.notes),
        )
      : null,
    h(
      'section',
      { 'aria-labelledby': 'sources' },
      h('h2', { id: 'sources' }, 'Sources'),
      sources.length
        ? [h('p', {}, `${sourceCounts(sources)}.`), citationList(sources)]
        : h('p', {}, 'None: the rules hold no source for this state.'),
    ),
    h(
      'section',
      { 'aria-labelledby': 'coverage' },
      h('h2', { id: 'coverage' }, 'Coverage'),
      h('p', {}, h('strong', {}, p.coverage), ': ', COVERAGE_MEANING[p.coverage]),
      h(
        'p',
        {},
        `${p.rules.length} state rule${p.rules.length === 1 ? '' : 's'}, ${p.citations.length} source${p.citations.length === 1 ? '' : 's'}`,
        p.reviewed ? `; the latest read ${p.reviewed}.` : '.',
      ),
    ),
  );
}
