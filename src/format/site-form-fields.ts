import { type HtmlChild, type HtmlElement, h } from './site-html.js';

/** One choice of a select or a group of checkboxes. */
export interface Choice {
  value: string;
  label: string;
}

/** Choices under a heading (an `optgroup`, or a group of checkboxes). */
export interface ChoiceGroup {
  label: string;
  choices: readonly Choice[];
}

const options = (choices: readonly Choice[], selected: string): HtmlElement[] =>
  choices.map((c) => h('option', { value: c.value, selected: c.value === selected }, c.label));

/** A labelled select; grouped choices become `optgroup`s. */
export function selectField(
  id: string,
  name: string,
  label: string,
  choices: readonly Choice[] | readonly ChoiceGroup[],
  selected: string,
  hint?: string,
): HtmlElement {
  const grouped = choices.length > 0 && 'choices' in choices[0]!;
  return h(
    'div',
    { class: 'field' },
    h('label', { for: id }, label),
    hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null,
    h(
      'select',
      { id, name, 'aria-describedby': hint ? `${id}-hint` : null },
      grouped
        ? (choices as readonly ChoiceGroup[]).map((g) =>
            h('optgroup', { label: g.label }, options(g.choices, selected)),
          )
        : options(choices as readonly Choice[], selected),
    ),
  );
}

/** Labelled checkboxes, each its own label around it. */
export const checkboxList = (name: string, choices: readonly Choice[]): HtmlElement =>
  h(
    'ul',
    { class: 'checkboxes' },
    choices.map((c) =>
      h('li', {}, h('label', {}, h('input', { type: 'checkbox', name, value: c.value }), ' ', c.label)),
    ),
  );

/** A group of checkboxes with a legend and a hint. */
export const checkboxFieldset = (id: string, legend: string, hint: string, ...content: HtmlChild[]): HtmlElement =>
  h(
    'fieldset',
    { id, class: 'choices', 'aria-describedby': `${id}-hint` },
    h('legend', {}, legend),
    h('p', { class: 'hint', id: `${id}-hint` }, hint),
    content,
  );
