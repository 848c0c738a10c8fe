import type { Query } from '../domain/query.js';
import { OPEN_LIST } from '../domain/query.js';
import type { Evaluator } from '../evaluate/evaluator.js';
import { type CheckerFields, fieldsFromParams, paramsOf, queryInputOf } from '../site/checker-fields.js';
import { clearAnswer, showDecision, showProblems } from './answer-view.js';
import type { BrowserWindow, DomElement, FormControl } from './dom.js';

const LIST_NAMES = { states: 'state', cert: 'cert', training: 'training' } as const;
const SELECT_NAMES = ['task', 'supervision', 'delegator', 'setting'] as const;

const controls = (form: DomElement, selector: string): FormControl[] =>
  Array.from(form.querySelectorAll(selector) as ArrayLike<FormControl>);

/** What the form says now. */
function readForm(form: DomElement): CheckerFields {
  const checked = (name: string) =>
    controls(form, `input[name="${name}"]`)
      .filter((c) => c.checked)
      .map((c) => c.value);
  const selected = (name: string) => controls(form, `select[name="${name}"]`)[0]?.value ?? '';
  return {
    task: selected('task'),
    states: checked(LIST_NAMES.states),
    cert: checked(LIST_NAMES.cert),
    supervision: selected('supervision'),
    training: checked(LIST_NAMES.training),
    delegator: selected('delegator'),
    setting: selected('setting'),
  };
}

/** Sets the form to the fields: a select to its value ('' is unknown), each checkbox to whether its value is listed. */
function writeForm(form: DomElement, fields: CheckerFields): void {
  for (const name of SELECT_NAMES) {
    const select = controls(form, `select[name="${name}"]`)[0];
    if (select && (name !== 'task' || fields.task !== '')) select.value = fields[name];
  }
  for (const [key, name] of Object.entries(LIST_NAMES))
    for (const box of controls(form, `input[name="${name}"]`))
      box.checked = fields[key as keyof typeof LIST_NAMES].includes(box.value);
  // A state's credential a link names must be seen checked, not hidden in a closed list.
  for (const details of Array.from(form.querySelectorAll('details')))
    if (details.querySelector('input:checked') !== null) details.setAttribute('open', '');
}

/** The fields of a resolved query: canonical ids, so that a link naming `Alaska` or `start-iv` checks the right boxes. */
const canonicalFields = (q: Query): CheckerFields => ({
  task: q.task,
  states: q.states ?? [],
  cert:
    q.credentials === null ? [] : q.credentials.length === 0 ? ['none'] : q.credentials.filter((c) => c !== OPEN_LIST),
  supervision: q.supervision ?? '',
  training:
    q.trainings === null ? [] : q.trainings.length === 0 ? ['none'] : q.trainings.filter((t) => t !== OPEN_LIST),
  delegator: q.delegator ?? '',
  setting: q.setting ?? '',
});

export interface CheckerParts {
  window: BrowserWindow;
  evaluator: Evaluator;
  asOf: string;
  form: DomElement;
  answer: DomElement;
}

/**
 * The checker: the form answered in the page by the evaluator `check` uses. The question lives in
 * the address (`?task=…&state=…`): a submit pushes it, so the back button and a shared link give
 * the same form and the same answer.
 */
export function startChecker(parts: CheckerParts): void {
  const { window, evaluator, asOf, form, answer } = parts;
  const doc = window.document;

  /** Answers the fields (or clears the answer when no task is asked); true when there is an answer to read. */
  const answerFields = (fields: CheckerFields, fromAddress: boolean): boolean => {
    if (fields.task === '') {
      writeForm(form, fields);
      clearAnswer(answer);
      return false;
    }
    const resolved = evaluator.resolve(queryInputOf(fields, asOf));
    if (!resolved.ok) {
      writeForm(form, fields);
      showProblems(doc, answer, resolved.problems);
      return true;
    }
    if (fromAddress) writeForm(form, canonicalFields(resolved.query));
    showDecision(doc, answer, evaluator.evaluate(resolved.query));
    return true;
  };

  // The query the form and the answer show. A fragment link (the skip link, the page's own
  // navigation) also fires popstate: the question has not changed then, and the form is left as it is.
  let shown: string | null = null;
  const fromAddress = () => {
    const search = window.location.search;
    if (search === shown) return;
    shown = search;
    answerFields(fieldsFromParams(new URLSearchParams(search)), true);
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const fields = readForm(form);
    const search = `?${paramsOf(fields)}`;
    if (search !== window.location.search) {
      try {
        window.history.pushState(null, '', search);
      } catch {
        // A browser that refuses to change a file:// address still answers; only the back button is lost.
      }
    }
    shown = window.location.search;
    if (answerFields(fields, false)) answer.querySelector('.decision-title')?.focus();
  });
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}
