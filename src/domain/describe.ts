import type { ConditionTree } from './decision.js';

const list = (ids: readonly string[], joiner = 'or'): string =>
  ids.length <= 1 ? (ids[0] ?? '') : `${ids.slice(0, -1).join(', ')} ${joiner} ${ids.at(-1)}`;

/** A requirement in plain words: "supervision at least direct", "training infusion-therapy-course". */
export function describeCondition(tree: ConditionTree): string {
  switch (tree.kind) {
    case 'anyOf':
      return `one of: ${tree.of.map(describeCondition).join('; ')}`;
    case 'allOf':
      return `all of: ${tree.of.map(describeCondition).join('; ')}`;
    case 'credential':
      return 'scope' in tree.requires
        ? `a ${tree.requires.scope} credential${tree.requires.issuers ? ` from ${list(tree.requires.issuers)}` : ''}`
        : `credential ${list(tree.requires)}`;
    case 'supervision':
      return `supervision at least ${tree.requires}`;
    case 'training':
      return `training ${list(tree.requires)}`;
    case 'delegator':
      return `delegated by ${list(tree.requires)}`;
    case 'setting':
      return 'noneOf' in tree.requires
        ? `setting other than ${list(tree.requires.noneOf)}`
        : `setting ${list(tree.requires)}`;
    case 'condition':
      return `condition ${tree.requires}`;
    case 'jurisdiction':
      return tree.requires === 'state-not-given'
        ? 'the state where the task is done'
        : 'state law (no state rule encoded)';
  }
}
