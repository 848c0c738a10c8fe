import { STATES } from '../domain/jurisdictions.js';
import { CATEGORIES } from '../domain/vocabulary.js';
import { checkerForm } from '../format/site-checker-form.js';
import { fragment, h, trustedHtml } from '../format/site-html.js';
import { sitePage } from '../format/site-layout.js';
import { mapControls } from '../format/site-map-controls.js';
import { defaultTask } from './default-view.js';
import type { SiteContext } from './site-context.js';
import { statePath, taskPath } from './site-paths.js';
import { mapCaption, mapMarkup, mapMatrix } from './task-map.js';

/**
 * index.html: the map (drawn here for the default task and profile, so the page shows one before
 * and without the script; the app redraws it from the same functions), the checker, and a link to
 * every state and task page.
 */
export function indexPage(site: SiteContext): string {
  const { ruleSet, stamp, choices } = site;
  const task = defaultTask(ruleSet);
  const profile = { task, ...site.profile };
  const drawn = mapMatrix(site.evaluator, profile, stamp.asOf);
  if (!drawn.ok)
    throw new RangeError(`the default map does not resolve: ${drawn.problems.map((p) => p.message).join('; ')}`);
  const main = [
    h('h1', {}, 'May a medical assistant do this task here?'),
    h(
      'p',
      { class: 'lead' },
      `Answers from ma-check's cited rules for the 50 states and DC, for the rules in force on ${stamp.asOf}. Pick a task and a profile to see the verdict in every state, or ask about one case with the checker.`,
    ),
    h(
      'section',
      { id: 'map-section', 'aria-labelledby': 'map-heading' },
      h('h2', { id: 'map-heading' }, 'Map: one task in every state'),
      mapControls(choices, profile),
      h('p', { id: 'map-caption', class: 'hint', 'aria-live': 'polite' }, mapCaption(drawn.matrix)),
      // mapSvg escapes every text it writes (task names, the description), so its output is trusted markup.
      h('div', { id: 'map' }, trustedHtml(mapMarkup(drawn.matrix, statePath))),
      h(
        'p',
        { class: 'hint' },
        'Each tile links to its state’s page. A letter and a pattern repeat the colour: A allowed, C conditional, D discouraged, P prohibited.',
      ),
    ),
    h(
      'section',
      { id: 'checker-section', 'aria-labelledby': 'checker-title' },
      h('h2', { id: 'checker-title' }, 'Checker: one case'),
      h(
        'noscript',
        {},
        h('p', {}, 'The checker and the map controls need JavaScript. The state and task pages work without it.'),
      ),
      h(
        'p',
        { class: 'no-print' },
        'The answer ',
        h('code', {}, 'ma-check check'),
        ' gives, with its conditions and sources. The address of the page keeps the question, so it can be shared.',
      ),
      checkerForm(choices, task),
      // Not a live region: a submit moves the focus to the answer's heading (src/browser/checker.ts),
      // which a screen reader reads, and a live region would read the whole answer a second time.
      h('section', { id: 'answer', class: 'answer', 'aria-label': 'Answer' }),
    ),
    h(
      'section',
      { id: 'states', 'aria-labelledby': 'states-heading' },
      h('h2', { id: 'states-heading' }, 'States'),
      h(
        'ul',
        { class: 'columns' },
        Object.entries(STATES).map(([code, name]) =>
          h(
            'li',
            {},
            h('a', { href: statePath(code) }, `${name} (${code})`),
            ` · coverage ${ruleSet.states.get(code)?.coverage ?? 'none'}`,
          ),
        ),
      ),
    ),
    h(
      'section',
      { id: 'tasks', 'aria-labelledby': 'tasks-heading' },
      h('h2', { id: 'tasks-heading' }, 'Tasks'),
      CATEGORIES.map((category) => {
        const group = choices.taskGroups.find((g) => g.label === category);
        return group
          ? [
              h('h3', {}, category),
              h(
                'ul',
                { class: 'columns' },
                group.choices.map((t) => h('li', {}, h('a', { href: taskPath(t.value) }, t.label))),
              ),
            ]
          : null;
      }),
    ),
  ];
  return sitePage({ title: 'Medical assistant scope by state', root: '', main: fragment(main), stamp, app: true });
}
