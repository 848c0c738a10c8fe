import { type Alias, type Document, isAlias, isMap, isPair, isSeq, type Node } from 'yaml';

/** How many nodes all the aliases of one file may expand to, together: rule files are data, not compressed bombs. */
export const MAX_ALIAS_NODES = 100;

/** The alias at fault, and what to tell the author. */
export interface AliasProblem {
  alias: Alias;
  code: 'alias-limit' | 'yaml-syntax';
  message: string;
}

/**
 * Finds the alias at which the aliases of a document, expanded, pass `MAX_ALIAS_NODES` nodes, one
 * that refers to the node it is inside of (an endless expansion), or one that names no anchor. Walks the document in order,
 * as `toJS` does, sizing each anchored node once it is complete, so the finding sits at the alias
 * that crossed the line. Recursive, but only as deep as the nesting the parser already bounded.
 */
export function findAliasProblem(doc: Document.Parsed): AliasProblem | undefined {
  /** The latest node carrying each anchor name, as yaml resolves an alias. */
  const anchored = new Map<string, Node>();
  /** Expanded size of each anchored node, set once the node is complete. */
  const sizeOf = new Map<Node, number>();
  let expanded = 0;
  let found: AliasProblem | undefined;

  const walk = (node: unknown): number => {
    if (found || node === null || typeof node !== 'object') return 0;
    if (isAlias(node)) {
      const source = anchored.get(node.source);
      if (source === undefined) {
        found = {
          alias: node,
          code: 'yaml-syntax',
          message: `alias *${node.source} names no anchor (&${node.source}) before it`,
        };
        return 0;
      }
      // A source still being walked contains this alias: expanding it never ends.
      const size = sizeOf.get(source) ?? Number.POSITIVE_INFINITY;
      expanded += size;
      if (size === Number.POSITIVE_INFINITY)
        found = {
          alias: node,
          code: 'alias-limit',
          message: `alias *${node.source} is inside the node it refers to, so it never ends`,
        };
      else if (expanded > MAX_ALIAS_NODES)
        found = {
          alias: node,
          code: 'alias-limit',
          message: `aliases expand beyond ${MAX_ALIAS_NODES} nodes here (*${node.source} is ${size} node(s))`,
        };
      return size;
    }
    const anchor = (node as Node).anchor;
    if (anchor) anchored.set(anchor, node as Node);
    let size = 1;
    if (isMap(node) || isSeq(node))
      for (const item of node.items) size += isPair(item) ? walk(item.key) + walk(item.value) : walk(item);
    if (anchor) sizeOf.set(node as Node, size);
    return size;
  };
  walk(doc.contents);
  return found;
}
