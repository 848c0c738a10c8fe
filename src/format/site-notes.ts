import type { Note } from '../domain/schema/common.js';
import { citeLinks } from './site-citation.js';
import { type HtmlElement, h } from './site-html.js';

/** Notes (not binding) as the site shows them wherever they appear: confidence, text, sources. */
export const notesList = (notes: readonly Note[]): HtmlElement =>
  h(
    'ul',
    { class: 'notes' },
    notes.map((n) =>
      h(
        'li',
        {},
        h('span', { class: 'confidence' }, `[${n.confidence}]`),
        ' ',
        n.text,
        n.cites.length ? [' (', citeLinks(n.cites), ')'] : null,
      ),
    ),
  );
