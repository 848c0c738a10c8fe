import { OPEN_LIST } from '../domain/query.js';
import { SUPERVISION_LEVELS } from '../domain/vocabulary.js';
import { type Choice, type ChoiceGroup, checkboxFieldset, checkboxList, selectField } from './site-form-fields.js';
import { type HtmlElement, h } from './site-html.js';

/** Everything a person can pick on the site, in the order it is offered. */
export interface SiteChoices {
  /** Tasks by category, each group in name order. */
  taskGroups: readonly ChoiceGroup[];
  /** The 50 states and DC. */
  states: readonly Choice[];
  nationalCredentials: readonly Choice[];
  /** Credentials a state issues, labelled with their state. */
  stateCredentials: readonly Choice[];
  trainings: readonly Choice[];
  roles: readonly Choice[];
  settings: readonly Choice[];
}

/** The value of a select that leaves its fact unknown, as `check` does when an option is left out. */
export const UNKNOWN_CHOICE: Choice = { value: '', label: 'unknown (not given)' };

export const supervisionChoices = (): Choice[] => [
  UNKNOWN_CHOICE,
  ...SUPERVISION_LEVELS.map((level) => ({ value: level, label: level })),
];

/**
 * The box that keeps a list open, as a trailing `...` does for `check --cert CMA,...`: the ones
 * checked are held, and others may be; without it, the list is all there is.
 */
const openListBox = (name: string): HtmlElement =>
  checkboxList(name, [{ value: OPEN_LIST, label: 'and maybe others (at least these)' }]);

/**
 * The checker: the options of `check` as a form (id `checker`). Its names are the URL's (`task`,
 * `state`, `cert`, `supervision`, `training`, `delegator`, `setting`; an open list's `...` is a
 * value of `cert` or `training`); the app answers it in the page.
 */
export function checkerForm(choices: SiteChoices, task: string): HtmlElement {
  return h(
    'form',
    { id: 'checker', class: 'checker', 'aria-labelledby': 'checker-title' },
    selectField('checker-task', 'task', 'Task', choices.taskGroups, task),
    checkboxFieldset(
      'checker-states',
      'State(s) where the task is done',
      'None checked: the answer names the state law to check. United States: the national baseline alone.',
      checkboxList('state', [{ value: 'US', label: 'United States (national baseline only)' }, ...choices.states]),
    ),
    checkboxFieldset(
      'checker-credentials',
      'Credentials held',
      'None checked: not known. "none": holds no credential. "At least these": holds the ones checked, maybe others too.',
      checkboxList('cert', [{ value: 'none', label: 'none' }, ...choices.nationalCredentials]),
      h(
        'details',
        {},
        h('summary', {}, `Credentials a state issues (${choices.stateCredentials.length})`),
        checkboxList('cert', choices.stateCredentials),
      ),
      openListBox('cert'),
    ),
    selectField(
      'checker-supervision',
      'supervision',
      'Supervision',
      supervisionChoices(),
      '',
      'Where the delegating practitioner is.',
    ),
    checkboxFieldset(
      'checker-trainings',
      'Trainings completed',
      'None checked: not known. "none": completed none. "At least these": completed the ones checked, maybe others too.',
      checkboxList('training', [{ value: 'none', label: 'none' }, ...choices.trainings]),
      openListBox('training'),
    ),
    selectField('checker-delegator', 'delegator', 'Delegated by', [UNKNOWN_CHOICE, ...choices.roles], ''),
    selectField('checker-setting', 'setting', 'Setting', [UNKNOWN_CHOICE, ...choices.settings], ''),
    h('p', {}, h('button', { type: 'submit' }, 'Check')),
  );
}
