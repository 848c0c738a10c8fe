import { type SiteChoices, supervisionChoices, UNKNOWN_CHOICE } from './site-checker-form.js';
import { selectField } from './site-form-fields.js';
import { type HtmlElement, h } from './site-html.js';

/** The map's profile: canonical ids, '' for unknown. */
export interface MapProfile {
  task: string;
  credential: string;
  supervision: string;
  delegator: string;
}

/** The map's task and profile (id `map-controls`); the app redraws the map on every change. */
export function mapControls(choices: SiteChoices, profile: MapProfile): HtmlElement {
  return h(
    'form',
    { id: 'map-controls', class: 'map-controls', 'aria-label': 'Task and profile of the map' },
    selectField('map-task', 'task', 'Task', choices.taskGroups, profile.task),
    selectField(
      'map-cert',
      'cert',
      'Credential',
      [UNKNOWN_CHOICE, { value: 'none', label: 'none' }, ...choices.nationalCredentials],
      profile.credential,
    ),
    selectField('map-supervision', 'supervision', 'Supervision', supervisionChoices(), profile.supervision),
    selectField('map-delegator', 'delegator', 'Delegated by', [UNKNOWN_CHOICE, ...choices.roles], profile.delegator),
  );
}
