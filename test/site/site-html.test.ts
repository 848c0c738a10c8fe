import { describe, expect, test } from 'vitest';
import type { DomDocument, DomElement } from '../../src/browser/dom.js';
import { appendView } from '../../src/browser/to-dom.js';
import { fragment, h, renderHtml, trustedHtml } from '../../src/format/site-html.js';

const HOSTILE = `"><img src=x onerror=alert(1)>&amp;`;

/** A stand-in for the browser's DOM that records what the app asks of it. */
interface FakeElement {
  tag: string;
  attrs: Record<string, string>;
  children: (FakeElement | string)[];
}
const fakeDocument = () => {
  const make = (tag: string): FakeElement & DomElement => {
    const element = {
      tag,
      attrs: {} as Record<string, string>,
      children: [] as (FakeElement | string)[],
      setAttribute(name: string, value: string) {
        element.attrs[name] = value;
      },
      append(...nodes: (DomElement | string)[]) {
        element.children.push(...(nodes as (FakeElement | string)[]));
      },
    };
    return element as unknown as FakeElement & DomElement;
  };
  return { doc: { createElement: make } as unknown as DomDocument, root: make('div') };
};

describe('site views as data', () => {
  test('text and attribute values are escaped wherever they go', () => {
    const html = renderHtml(h('p', { title: HOSTILE }, HOSTILE, h('a', { href: `#${HOSTILE}` }, HOSTILE)));
    expect(html).toBe(
      '<p title="&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;<a href="#&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;">&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&amp;amp;</a></p>\n',
    );
  });

  test('an event-handler attribute or a made-up element name is refused', () => {
    expect(() => h('img', { onerror: 'alert(1)' })).toThrow(/not an attribute the site writes/);
    expect(() => h('img src=x', {})).toThrow(/not an element name/);
  });

  test('bare, absent and void attributes and elements', () => {
    expect(renderHtml(h('input', { type: 'checkbox', checked: true, disabled: false, name: null }))).toBe(
      '<input type="checkbox" checked>',
    );
    expect(renderHtml(fragment('a', null, false, ['b', ['c']]))).toBe('abc');
    expect(renderHtml(trustedHtml('<svg></svg>'))).toBe('<svg></svg>');
  });

  test('in the browser, a view becomes elements and text nodes, never parsed markup', () => {
    const { doc, root } = fakeDocument();
    appendView(doc, root, fragment(h('p', { class: 'summary', hidden: true }, HOSTILE), 'tail'));
    expect(root).toMatchObject({
      children: [{ tag: 'p', attrs: { class: 'summary', hidden: '' }, children: [HOSTILE] }, 'tail'],
    });
    expect(() => appendView(doc, root, trustedHtml('<b>x</b>'))).toThrow(/no markup/);
  });
});
