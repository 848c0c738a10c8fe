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

/** What the form says now; an open list's `...` last, where `check` reads it. */
function readForm(form: DomElement): CheckerFields {
  const checked = (name: string) => {
    const values = controls(form, `input[name="${name}"]`)
      .filter((c) => c.checked)
      .map((c) => c.value);
    return [...values.filter((v) => v !== OPEN_LIST), ...values.filter((v) => v === OPEN_LIST)];
  };
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

/**
 * Sets the form to the fields: a select to its value ('' is unknown), each checkbox to whether its
 * value is listed. A value a select does not offer (`?task=foo` in a link) would blank it, and Check
 * would then ask nothing: the select goes to unknown instead, or keeps its choice when it has no
 * unknown (the task), and the answer's problem says what the link named.
 */
function writeForm(form: DomElement, fields: CheckerFields): void {
  for (const name of SELECT_NAMES) {
    const select = controls(form, `select[name="${name}"]`)[0];
    if (select === undefined) continue;
    const offered = new Set(controls(select, 'option').map((o) => o.value));
    if (offered.has(fields[name])) select.value = fields[name];
    else if (offered.has('')) select.value = '';
  }
  for (const [key, name] of Object.entries(LIST_NAMES))
    for (const box of controls(form, `input[name="${name}"]`))
      box.checked = fields[key as keyof typeof LIST_NAMES].includes(box.value);
  // A state's credential a link names must be seen checked, not hidden in a closed list.
  for (const details of Array.from(form.querySelectorAll('details')))
    if (details.querySelector('input:checked') !== null) details.setAttribute('open', '');
}

/**
 * The fields of a resolved query: canonical ids, so that a link naming `Alaska` or `start-iv` checks
 * the right boxes; an open list keeps its `...`, which checks "at least these", so that the form
 * asks what was answered.
 */
const canonicalFields = (q: Query): CheckerFields => ({
  task: q.task,
  states: q.states ?? [],
  cert: q.credentials === null ? [] : q.credentials.length === 0 ? ['none'] : q.credentials,
  supervision: q.supervision ?? '',
  training: q.trainings === null ? [] : q.trainings.length === 0 ? ['none'] : q.trainings,
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
    let { query } = resolved;
    if (fromAddress) {
      writeForm(form, canonicalFields(query));
      // The form holds states and credentials in its own order, and an answer's wording follows the
      // order asked (the first state's reason leads the summary): the link is answered as the form
      // now asks it, so that Check gives the same answer again.
      const asked = evaluator.resolve(queryInputOf(readForm(form), asOf));
      if (asked.ok) query = asked.query;
    }
    showDecision(doc, answer, evaluator.evaluate(query));
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
    // The one announcement of an answer: the focus on its heading, which a screen reader reads, and
    // from where the reader goes on through conditions and sources. #answer is no live region, which
    // would read the whole answer, sources and all, and the heading a second time.
    if (answerFields(fields, false)) answer.querySelector('.decision-title')?.focus();
  });
  window.addEventListener('popstate', fromAddress);
  fromAddress();
}
