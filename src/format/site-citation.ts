import type { DeepReadonly } from '../domain/deep-readonly.js';
import type { Citation } from '../domain/schema/definitions.js';
import { fragment, type HtmlChild, type HtmlElement, h } from './site-html.js';

/** The anchor of a citation in a page's source list. */
export const citationAnchor = (id: string): string => `cite-${id}`;

/**
 * Only an http(s) address becomes a link: the schema allows nothing else, and this keeps a
 * `javascript:` address out of an `href` even if data that skipped validation reached a page.
 */
export const isWebLink = (url: string | undefined): url is string => url !== undefined && /^https?:\/\//i.test(url);

/**
 * One source as `check` lists it: the kind of source (official text, a copy, commentary) and the
 * kind of text first, then title (linked to its address), publisher, section and year.
 */
export function citationView(c: DeepReadonly<Citation>): HtmlChild[] {
  const title = isWebLink(c.url)
    ? h('a', { class: 'cite-link', href: c.url, rel: 'external noreferrer' }, c.title)
    : h('cite', {}, c.title);
  const details = [c.publisher, c.section, c.year?.toString()].filter(Boolean).join(', ');
  return [
    h('span', { class: `source source-${c.source}` }, c.source),
    ' ',
    h('span', { class: 'kind' }, c.kind),
    ' ',
    title,
    `, ${details}.`,
    !isWebLink(c.url) && c.locator ? fragment(' ', h('span', { class: 'locator' }, `(${c.locator})`)) : null,
    ' ',
    h('span', { class: 'reviewed' }, `Read ${c.reviewed}.`),
  ];
}

/**
 * A page's sources, each with an anchor that cited ids link to; `anchored: false` for a second list
 * on the same page, whose entries must not take the ids of the first.
 */
export function citationList(citations: readonly DeepReadonly<Citation>[], anchored = true): HtmlElement {
  return h(
    'ol',
    { class: 'citations' },
    citations.map((c) =>
      h(
        'li',
        { id: anchored ? citationAnchor(c.id) : null, class: 'citation' },
        h('code', { class: 'cite-id' }, c.id),
        ' ',
        citationView(c),
      ),
    ),
  );
}

/** Cited ids, each a link to its entry in the page's source list. */
export const citeLinks = (ids: readonly string[]): HtmlChild[] =>
  ids.flatMap((id, i) => [i > 0 ? ', ' : null, h('a', { href: `#${citationAnchor(id)}` }, id)]);
