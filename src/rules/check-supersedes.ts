import type { RuleRecord } from '../domain/rule-set.js';
import { didYouMean } from '../domain/suggest.js';
import { LAYERS } from '../domain/vocabulary.js';
import { type Origin, type Reporter, within } from './reporter.js';

/**
 * Supersession is explicit and bound to the basis (docs/design.md): a rule replaces only rules of
 * the same basis, in its own layer or a more general one, and never in another state.
 */
export function checkSupersedes(
  rules: readonly RuleRecord[],
  at: (id: string) => Origin,
  reporter: Reporter,
  rulesComplete = true,
): void {
  const byId = new Map(rules.map((r) => [r.id, r]));
  for (const rule of rules) {
    rule.supersedes?.forEach((targetId, i) => {
      const where = within(at(rule.id), 'supersedes', i);
      const target = byId.get(targetId);
      const ruleId = rule.id;
      if (!target) {
        if (!rulesComplete) return;
        const hint = didYouMean(targetId, byId.keys());
        reporter.error('unknown-rule', where, `supersedes unknown rule '${targetId}'${hint ? `; ${hint}` : ''}`, {
          ruleId,
        });
      } else if (target.basis !== rule.basis) {
        reporter.error(
          'supersedes-across-basis',
          where,
          `a ${rule.basis} rule cannot replace the ${target.basis} rule '${targetId}'`,
          { ruleId },
        );
      } else if (LAYERS.indexOf(target.layer) > LAYERS.indexOf(rule.layer)) {
        reporter.error(
          'supersedes-more-specific',
          where,
          `'${targetId}' is in a more specific layer (${target.layer}) than this ${rule.layer} rule`,
          { ruleId },
        );
      } else if (target.layer === rule.layer && target.layer !== 'national' && target.owner !== rule.owner) {
        reporter.error(
          'supersedes-more-specific',
          where,
          `'${targetId}' belongs to ${target.owner}; a rule replaces rules of its own ${rule.layer} only`,
          { ruleId },
        );
      }
    });
  }
  for (const rule of rules) {
    const seen = new Set<string>();
    const stack = [...(rule.supersedes ?? [])];
    while (stack.length) {
      const id = stack.pop()!;
      if (id === rule.id) {
        reporter.error(
          'supersedes-cycle',
          within(at(rule.id), 'supersedes'),
          `'${rule.id}' supersedes itself through a chain of rules`,
          { ruleId: rule.id },
        );
        break;
      }
      if (seen.has(id)) continue;
      seen.add(id);
      stack.push(...(byId.get(id)?.supersedes ?? []));
    }
  }
}
