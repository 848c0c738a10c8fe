import type { HtmlNode } from '../format/site-html.js';
import type { DomDocument, DomElement } from './dom.js';

/**
 * Builds a view (src/format/site-*.ts) as DOM nodes: elements with createElement and setAttribute,
 * text with text nodes, so that text from the rules stays text. Never innerHTML.
 */
export function appendView(doc: DomDocument, parent: DomElement, node: HtmlNode): void {
  if (typeof node === 'string') {
    parent.append(node);
    return;
  }
  switch (node.kind) {
    case 'fragment':
      for (const child of node.children) appendView(doc, parent, child);
      return;
    case 'element': {
      const element = doc.createElement(node.tag);
      for (const [name, value] of Object.entries(node.attrs)) {
        if (value === false || value === null || value === undefined) continue;
        element.setAttribute(name, value === true ? '' : String(value));
      }
      for (const child of node.children) appendView(doc, element, child);
      parent.append(element);
      return;
    }
    case 'trusted':
      // Only the map view inserts markup, and only mapSvg's (map-view.ts).
      throw new Error('a view built in the browser holds no markup');
  }
}
