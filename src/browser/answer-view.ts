import type { Decision } from '../domain/decision.js';
import { problemText } from '../evaluate/problem-text.js';
import type { QueryProblem } from '../evaluate/resolve-query.js';
import { decisionView } from '../format/site-decision.js';
import { fragment, h } from '../format/site-html.js';
import type { DomDocument, DomElement } from './dom.js';
import { appendView } from './to-dom.js';

/** The answer region: the decision as the pages show it, its verdict on `data-verdict`. */
export function showDecision(doc: DomDocument, answer: DomElement, decision: Decision): void {
  answer.replaceChildren();
  answer.removeAttribute('data-problem');
  answer.setAttribute('data-verdict', decision.verdict);
  appendView(doc, answer, decisionView(decision));
}

/** Names in the question that match nothing, each with what was probably meant, as `check` says them. */
export function showProblems(doc: DomDocument, answer: DomElement, problems: readonly QueryProblem[]): void {
  answer.replaceChildren();
  answer.removeAttribute('data-verdict');
  answer.setAttribute('data-problem', 'true');
  appendView(
    doc,
    answer,
    fragment(
      h('h2', { class: 'decision-title', tabindex: '-1' }, 'The question cannot be answered as asked'),
      // No role here: `alert` on a list hides its items' role, and the answer is read from its
      // heading, which the checker focuses (checker.ts), not announced as a live region.
      h(
        'ul',
        { class: 'problems' },
        problems.map((p) => h('li', {}, problemText(p))),
      ),
    ),
  );
}

/** No question yet. */
export function clearAnswer(answer: DomElement): void {
  answer.replaceChildren();
  answer.removeAttribute('data-verdict');
  answer.removeAttribute('data-problem');
}
