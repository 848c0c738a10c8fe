import type { Decision } from '../domain/decision.js';
import type { RuleRecord, TaskDef } from '../domain/rule-set.js';
import type { Conflict } from '../domain/schema/common.js';
import { citationList, citeLinks } from '../format/site-citation.js';
import { credentialMatrixTable, verdictLegend } from '../format/site-credential-matrix.js';
import { decisionView } from '../format/site-decision.js';
import { fragment, h, trustedHtml } from '../format/site-html.js';
import { sitePage } from '../format/site-layout.js';
import { notesList } from '../format/site-notes.js';
import { ruleAnchor } from '../format/site-state-profile.js';
import { citedByFullRules, type TaskRuleLists, taskRulesView } from '../format/site-task-rules.js';
import { paramsOf } from './checker-fields.js';
import type { CredentialTables } from './credential-tables.js';
import { ruleFacts } from './rule-facts.js';
import type { SiteContext } from './site-context.js';
import { INDEX_PATH, statePath } from './site-paths.js';
import { mapCaption, mapMarkup, mapMatrix } from './task-map.js';

/** What a task page shows besides the task itself, worked out once for the whole site. */
export interface TaskPageParts {
  /** The decision with only the task given and the state `US`: the national baseline. */
  baseline: Decision;
  credentials: CredentialTables;
}

const conflictsList = (conflicts: readonly Conflict[]) =>
  h(
    'ul',
    {},
    conflicts.map((c) =>
      h('li', {}, c.summary, ' ', h('strong', {}, 'Resolution: '), c.resolution, ' (', citeLinks(c.cites), ')'),
    ),
  );

/** The rules that select the task, by layer, as the rule set indexes them; those listed in full with their facts. */
function ruleLists(site: SiteContext, task: TaskDef): TaskRuleLists {
  const { ruleSet } = site;
  const found = ruleSet.rulesOf(task.id);
  const full = (rules: readonly RuleRecord[]) => rules.map((rule) => ({ rule, facts: ruleFacts(rule) }));
  return {
    national: full(found.national),
    byState: [...found.byState].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
    overlays: ruleSet.data.overlays.map((o, i) => ({ name: o.name, rules: full(found.overlays[i] ?? []) })),
  };
}

/**
 * tasks/<id>.html: the task, its national baseline, its map and its states-by-credential table for
 * the stated default profile, and every rule that selects it, with the sources this page cites.
 */
export function taskPage(site: SiteContext, task: TaskDef, parts: TaskPageParts): string {
  const { ruleSet, stamp, profile } = site;
  const drawn = mapMatrix(site.evaluator, { task: task.id, ...profile }, stamp.asOf);
  if (!drawn.ok) throw new RangeError(drawn.problems.map((p) => p.message).join('; '));
  const lists = ruleLists(site, task);
  const cited = [
    ...new Set([
      ...(task.notes ?? []).flatMap((n) => n.cites),
      ...(task.conflicts ?? []).flatMap((c) => c.cites),
      ...citedByFullRules(lists),
    ]),
  ].flatMap((id) => ruleSet.citations.get(id) ?? []);
  const stateHref = (state: string) => `../${statePath(state)}`;
  const supervision = profile.supervision || 'unknown';
  const delegator = profile.delegator || 'unknown';
  const main = fragment(
    h('h1', {}, task.name),
    h(
      'p',
      { class: 'lead' },
      `${task.category} task `,
      h('code', {}, task.id),
      task.aliases.length ? `, also called ${task.aliases.join(', ')}` : null,
      '. ',
      h(
        'a',
        { href: `../${INDEX_PATH}?${paramsOf({ task: task.id })}#checker-section`, class: 'no-print' },
        'Check this task for a case',
      ),
    ),
    h('p', {}, task.description),
    task.notes?.length ? [h('h2', {}, 'Notes (not binding)'), notesList(task.notes)] : null,
    task.conflicts?.length ? [h('h2', {}, 'Conflicts between sources'), conflictsList(task.conflicts)] : null,
    h(
      'section',
      { 'aria-labelledby': 'baseline' },
      h('h2', { id: 'baseline' }, 'National baseline'),
      h(
        'p',
        { class: 'hint' },
        'With the state US and nothing else given: ',
        h('code', {}, `ma-check check ${task.id} --state US --as-of ${stamp.asOf}`),
        '. What is not given is listed to verify.',
      ),
      decisionView(parts.baseline, { level: 3, anchoredSources: false }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'in-every-state' },
      h('h2', { id: 'in-every-state' }, 'In every state'),
      h('p', {}, 'For the default profile: ', h('strong', {}, mapCaption(drawn.matrix))),
      // mapSvg escapes every text it writes, so its output is trusted markup.
      h('div', { class: 'map' }, trustedHtml(mapMarkup(drawn.matrix, stateHref))),
    ),
    h(
      'section',
      { 'aria-labelledby': 'by-credential' },
      h('h2', { id: 'by-credential' }, 'By credential'),
      h(
        'p',
        {},
        `Each cell: the verdict for one credential held alone (or none), supervision ${supervision}, delegated by ${delegator}, trainings and setting unknown, as of ${stamp.asOf}.`,
      ),
      verdictLegend(),
      h(
        'div',
        { class: 'table-scroll' },
        credentialMatrixTable(
          `${task.name}: states by credential`,
          parts.credentials.columns,
          parts.credentials.rowsByTask.get(task.id) ?? [],
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'rules' },
      h('h2', { id: 'rules' }, 'Rules that select this task'),
      taskRulesView(lists, (state, id) => `${stateHref(state)}#${ruleAnchor(id)}`),
    ),
    h('section', { 'aria-labelledby': 'sources' }, h('h2', { id: 'sources' }, 'Sources'), citationList(cited)),
  );
  return sitePage({ title: task.name, root: '../', main, stamp });
}
