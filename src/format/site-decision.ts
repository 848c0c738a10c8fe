import type { Decision, DecisionCondition } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import { STATES } from '../domain/jurisdictions.js';
import type { Verdict } from '../domain/verdict.js';
import { VERDICT_MARK } from './matrix-marks.js';
import { PLAIN } from './paint.js';
import { citationList } from './site-citation.js';
import { fragment, type HtmlChild, type HtmlElement, type HtmlFragment, h } from './site-html.js';
import { statusMark } from './verdict-style.js';

/** The verdict as a badge: its letter and its word, coloured as the map colours it (site.css). */
export const verdictBadge = (verdict: Verdict): HtmlElement =>
  h(
    'span',
    { class: `verdict verdict-${verdict}` },
    h('span', { class: 'verdict-mark', 'aria-hidden': 'true' }, VERDICT_MARK[verdict]),
    ' ',
    h('span', { class: 'verdict-word' }, verdict.toUpperCase()),
  );

const where = (state: string): string => (STATES[state] ? `${STATES[state]} (${state})` : 'national baseline');

/** A condition as `check` prints it: its mark (? to verify, ✗ not met), what it asks, and where it comes from. */
function conditionItem(c: DecisionCondition): HtmlElement {
  return h(
    'li',
    { class: `condition status-${c.status}${c.decisive ? ' decisive' : ' not-decisive'}` },
    h('span', { class: 'status-mark', 'aria-hidden': 'true' }, statusMark(c.status, PLAIN)),
    ' ',
    h(
      'span',
      { class: 'sr-only' },
      c.status === 'unknown' ? 'to verify: ' : c.status === 'unmet' ? 'not met: ' : 'met: ',
    ),
    describeCondition(c),
    c.decisive ? null : h('span', { class: 'not-decisive-note' }, ', not decisive'),
    ' ',
    h('span', { class: 'from' }, `(${c.state ? `${c.state} ` : ''}${c.basis}; ${c.rules.join(', ')})`),
  );
}

export interface DecisionViewOptions {
  /** The heading level of the view's own headings (2 on a page of its own, 3 inside a section). */
  level?: 2 | 3;
  /** Id of the list of determining rules: `determined-by` unless a page shows several decisions. */
  determinedById?: string;
  /** False when the page has a source list of its own, which keeps the citations' anchors. */
  anchoredSources?: boolean;
}

/**
 * A decision as `check` shows it, for a page: verdict first, then what to verify, the rules that
 * determine it, confidence and coverage, then the sources. The same view is written into the
 * generated pages and built in the browser (src/browser), so the two can never say different things.
 */
export function decisionView(decision: Decision, options: DecisionViewOptions = {}): HtmlFragment {
  const level = options.level ?? 2;
  const heading = (text: string) => h(`h${level + 1}`, {}, text);
  const states = decision.byState.map((s) => where(s.state)).join(', ');
  const ordered = [...decision.conditions.filter((c) => c.decisive), ...decision.conditions.filter((c) => !c.decisive)];
  const parts: HtmlChild[] = [
    h(
      `h${level}`,
      { class: 'decision-title', tabindex: '-1' },
      decision.task.name,
      ' ',
      h('span', { class: 'muted' }, `(${decision.task.id})`),
      states ? ` · ${states}` : null,
    ),
    h(
      'p',
      { class: 'verdict-line' },
      verdictBadge(decision.verdict),
      ' ',
      h('span', { class: 'summary' }, decision.summary),
    ),
  ];
  if (ordered.length > 0)
    parts.push(
      heading('Conditions'),
      h('p', { class: 'hint' }, '? to verify, ✗ not met, ✓ met'),
      h('ul', { class: 'conditions' }, ordered.map(conditionItem)),
    );
  parts.push(
    heading('Determined by'),
    h(
      'ul',
      { id: options.determinedById ?? 'determined-by', class: 'rule-ids' },
      decision.determinedBy.map((id) => h('li', {}, h('code', {}, id))),
    ),
  );
  if (decision.byState.length > 1)
    parts.push(
      h(
        'table',
        { class: 'by-state' },
        h('caption', {}, 'Verdict in each state'),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'state'),
            h('th', { scope: 'col' }, 'verdict'),
            h('th', { scope: 'col' }, 'determined by'),
          ),
        ),
        h(
          'tbody',
          {},
          decision.byState.map((s) =>
            h(
              'tr',
              {},
              h('th', { scope: 'row' }, where(s.state)),
              h('td', {}, verdictBadge(s.verdict)),
              h('td', {}, s.determinedBy.join(', ')),
            ),
          ),
        ),
      ),
    );
  parts.push(
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Confidence'),
      h('dd', {}, decision.confidence),
      decision.coverage.map((c) => [
        h('dt', {}, `Coverage ${c.jurisdiction}`),
        h(
          'dd',
          {},
          `${c.level}${c.reviewed ? `, reviewed ${c.reviewed}` : ''}; ${c.addressed ? 'has rules for this task' : 'no rule for this task'}`,
        ),
      ]),
    ),
  );
  if (decision.citations.length > 0)
    parts.push(heading('Sources'), citationList(decision.citations, options.anchoredSources ?? true));
  parts.push(
    h(
      'p',
      { class: 'meta' },
      `As of ${decision.query.asOf} · rules ${decision.rulesDigest} · a reference aid, not legal advice`,
    ),
  );
  return fragment(parts);
}
