import { escapeHtml } from './html-escape.js';

/** An attribute's value: `true` writes the bare attribute, `false`, `null` and `undefined` leave it out. */
export type AttrValue = string | number | boolean | null | undefined;

export interface HtmlElement {
  readonly kind: 'element';
  readonly tag: string;
  readonly attrs: Readonly<Record<string, AttrValue>>;
  readonly children: readonly HtmlNode[];
}

/** Children with no element around them. */
export interface HtmlFragment {
  readonly kind: 'fragment';
  readonly children: readonly HtmlNode[];
}

/**
 * Markup written by a generator that escapes every text it holds (mapSvg): the one kind of node
 * that is not escaped here. Nothing read from a rule file may become one.
 */
export interface TrustedHtml {
  readonly kind: 'trusted';
  readonly html: string;
}

/** A page or a part of one, as data: a string is always text, never markup. */
export type HtmlNode = string | HtmlElement | HtmlFragment | TrustedHtml;

/** What may be given as a child: nested lists are flattened, empty values dropped. */
export type HtmlChild = HtmlNode | null | undefined | false | readonly HtmlChild[];

const TAG = /^[a-z][a-z0-9]*$/;
/** Attribute names the builders write; event handlers (`on…`) are refused, whatever the CSP says. */
const ATTRIBUTE = /^(?!on)[a-z][a-z0-9-]*$/;

const flatten = (children: readonly HtmlChild[]): HtmlNode[] =>
  children.flatMap((child): HtmlNode[] =>
    child === null || child === undefined || child === false
      ? []
      : Array.isArray(child)
        ? flatten(child)
        : [child as HtmlNode],
  );

/** An element. Tag and attribute names come from code, so a bad one is a programming error. */
export function h(tag: string, attrs: Readonly<Record<string, AttrValue>> = {}, ...children: HtmlChild[]): HtmlElement {
  if (!TAG.test(tag)) throw new RangeError(`not an element name: '${tag}'`);
  for (const name of Object.keys(attrs))
    if (!ATTRIBUTE.test(name)) throw new RangeError(`not an attribute the site writes: '${name}'`);
  return { kind: 'element', tag, attrs, children: flatten(children) };
}

export const fragment = (...children: HtmlChild[]): HtmlFragment => ({ kind: 'fragment', children: flatten(children) });

/** See `TrustedHtml`: only for markup whose generator escapes every text in it. */
export const trustedHtml = (html: string): TrustedHtml => ({ kind: 'trusted', html });

const VOID = new Set(['meta', 'link', 'input', 'br', 'hr', 'img']);

/** Elements followed by a line break in the file, so that a committed site diffs line by line. */
const BLOCK = new Set([
  'html',
  'head',
  'body',
  'header',
  'main',
  'footer',
  'nav',
  'section',
  'article',
  'div',
  'p',
  'ul',
  'ol',
  'li',
  'dl',
  'dd',
  'table',
  'thead',
  'tbody',
  'tr',
  'caption',
  'h1',
  'h2',
  'h3',
  'h4',
  'form',
  'fieldset',
  'details',
  'select',
  'optgroup',
  'option',
  'title',
  'meta',
  'link',
  'script',
  'noscript',
]);

function attributes(attrs: Readonly<Record<string, AttrValue>>): string {
  let out = '';
  for (const [name, value] of Object.entries(attrs)) {
    if (value === false || value === null || value === undefined) continue;
    out += value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
  }
  return out;
}

/** The node as HTML: every text and attribute value escaped, trusted markup as it is. */
export function renderHtml(node: HtmlNode): string {
  if (typeof node === 'string') return escapeHtml(node);
  switch (node.kind) {
    case 'trusted':
      return node.html;
    case 'fragment':
      return node.children.map(renderHtml).join('');
    case 'element': {
      const open = `<${node.tag}${attributes(node.attrs)}>`;
      const end = BLOCK.has(node.tag) ? '\n' : '';
      if (VOID.has(node.tag)) return `${open}${end}`;
      return `${open}${node.children.map(renderHtml).join('')}</${node.tag}>${end}`;
    }
  }
}
