import type { RuleData } from '../domain/rule-set.js';
import type { Requirement } from '../domain/schema/requirement.js';
import { didYouMean } from '../domain/suggest.js';
import { type Origin, type Reporter, within } from './reporter.js';

/** Parents must exist and never loop back. */
export function checkTree(
  kind: 'role' | 'setting',
  nodes: readonly { id: string; parent?: string }[],
  at: (kind: string, id: string) => Origin,
  reporter: Reporter,
): void {
  const parentOf = new Map(nodes.map((n) => [n.id, n.parent]));
  for (const node of nodes) {
    const where = { ...at(kind, node.id), path: at(kind, node.id).path.slice(0, -1) };
    if (node.parent && !parentOf.has(node.parent)) {
      const hint = didYouMean(node.parent, parentOf.keys());
      reporter.error(
        `unknown-${kind}`,
        within(where, 'parent'),
        `unknown parent ${kind} '${node.parent}'${hint ? `; ${hint}` : ''}`,
      );
      continue;
    }
    const seen = new Set([node.id]);
    for (let p = node.parent; p; p = parentOf.get(p)) {
      if (seen.has(p)) {
        reporter.error('parent-cycle', within(where, 'parent'), `${kind} '${node.id}' is its own ancestor`);
        break;
      }
      seen.add(p);
    }
  }
}

/** A derived credential may rest on other credentials, but never on itself. */
export function checkDerivedCycles(data: RuleData, at: (kind: string, id: string) => Origin, reporter: Reporter): void {
  const derived = new Map(data.credentials.filter((c) => c.derivedFrom).map((c) => [c.id, c.derivedFrom!]));
  const uses = (req: Requirement): string[] => [
    ...(req.credential && 'anyOf' in req.credential ? req.credential.anyOf : []),
    ...(req.anyOf ?? []).flatMap(uses),
    ...(req.allOf ?? []).flatMap(uses),
  ];
  for (const [id] of derived) {
    const stack = [...uses(derived.get(id)!)];
    const seen = new Set<string>();
    while (stack.length) {
      const next = stack.pop()!;
      if (next === id) {
        reporter.error('derived-cycle', at('credential', id), `credential '${id}' is derived from itself`);
        break;
      }
      if (seen.has(next) || !derived.has(next)) continue;
      seen.add(next);
      stack.push(...uses(derived.get(next)!));
    }
  }
}
