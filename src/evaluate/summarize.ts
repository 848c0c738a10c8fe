import type { DecisionCondition } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import type { Verdict } from '../domain/verdict.js';
import type { RuleResult } from './evaluate-state.js';

const LEAD: Readonly<Record<Verdict, string>> = {
  allowed: 'Allowed',
  conditional: 'Allowed only if the conditions below hold',
  discouraged: 'Discouraged',
  prohibited: 'Prohibited',
};

/** One sentence a person can act on: the verdict, where, and what decides it. */
export function summarize(
  verdict: Verdict,
  determining: readonly RuleResult[],
  conditions: readonly DecisionCondition[],
  states: readonly string[] | null,
): string {
  const where = states && states.length > 0 && states[0] !== 'US' ? ` in ${states.join(', ')}` : '';
  if (verdict === 'allowed') return `Allowed${where} on the facts given.`;
  const verify: string[] = [];
  for (const c of conditions) {
    if (!c.decisive || c.status !== 'unknown') continue;
    const text = describeCondition(c);
    if (!verify.includes(text)) verify.push(text);
  }
  // The most specific determining rule says the most about this place.
  const reason = verdict === 'conditional' ? undefined : determining.at(-1);
  return `${LEAD[verdict]}${where}.${reason ? ` ${reason.entry.summary}` : ''}${verify.length > 0 ? ` Verify: ${verify.join('; ')}.` : ''}`;
}
