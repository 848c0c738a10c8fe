import type { RuleSet } from '../domain/rule-set.js';
import { selectTasks } from '../domain/select-tasks.js';
import type { PolicyRule, StatePolicy } from '../format/site-state-profile.js';
import { ruleFacts } from './rule-facts.js';

/**
 * The organization policy that covers one state, for its page: each overlay's rules whose states
 * hold it (a rule that names none covers every state, as the evaluator reads it), by id, with the
 * sources they and their notes cite that `known` (the state's own sources) does not hold.
 */
export function statePolicy(ruleSet: RuleSet, code: string, known: ReadonlySet<string>): StatePolicy {
  const overlays = ruleSet.data.overlays.map((overlay) => ({
    name: overlay.name,
    rules: ruleSet.data.rules
      .filter((r) => r.layer === 'overlay' && r.owner === overlay.name && (!r.states || r.states.includes(code)))
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)),
  }));
  const cited = [
    ...new Set(
      overlays.flatMap((o) => o.rules.flatMap((r) => [...r.cites, ...(r.notes ?? []).flatMap((n) => n.cites)])),
    ),
  ].filter((id) => !known.has(id));
  return {
    overlays: overlays.map((o) => ({
      name: o.name,
      rules: o.rules.map((r): PolicyRule => {
        const facts = ruleFacts(r);
        return {
          id: r.id,
          basis: r.basis,
          confidence: r.confidence,
          summary: r.summary,
          tasks: selectTasks(r, ruleSet.data.tasks),
          verdict: facts.verdict,
          unless: [...facts.unless],
          requires: [...facts.requires],
          states: r.states ?? 'all',
          effective: facts.effective,
          until: facts.until,
          cites: r.cites,
        };
      }),
    })),
    citations: cited.flatMap((id) => ruleSet.citations.get(id) ?? []),
  };
}
