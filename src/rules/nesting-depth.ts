import type { CST } from 'yaml';

/**
 * How deep lists and maps may nest in a rule or case file. The deepest shipped file nests about
 * a dozen levels; past a few hundred, the recursive steps after parsing (composing nodes, `toJS`,
 * schema checks) would exhaust the call stack.
 */
export const MAX_NESTING = 100;

/**
 * The source offset of the first (outermost, earliest) collection nested deeper than
 * `MAX_NESTING`, or undefined. Walks yaml's token tree with an explicit stack, so it runs before
 * anything recursive does and cannot overflow itself.
 */
export function findDeepNesting(tokens: readonly CST.Token[]): number | undefined {
  const stack: [CST.Token, number][] = tokens.map((token) => [token, 0]);
  let found: number | undefined;
  while (stack.length > 0) {
    const [token, depth] = stack.pop()!;
    if (token.type === 'document') {
      if (token.value) stack.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      const inner = depth + 1;
      if (inner > MAX_NESTING) {
        if (found === undefined || token.offset < found) found = token.offset;
        continue;
      }
      for (const item of token.items) {
        if (item.key) stack.push([item.key, inner]);
        if (item.value) stack.push([item.value, inner]);
      }
    }
  }
  return found;
}
