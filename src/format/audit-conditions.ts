import type { Decision, DecisionCondition } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';

/**
 * What stands between a decision and a better verdict: its decisive conditions. The others
 * still have to hold once these are settled, and are in the JSON; a report line shows these.
 */
export const decisiveConditions = (d: Decision): DecisionCondition[] => d.conditions.filter((c) => c.decisive);

/** "unmet: credential WA-MA-C" or "verify: supervision at least direct"; the state first when several were asked. */
export function conditionPhrase(c: DecisionCondition, severalStates: boolean): string {
  const where = severalStates && c.state !== null ? `${c.state} ` : '';
  return `${where}${c.status === 'unmet' ? 'unmet' : 'verify'}: ${describeCondition(c)}`;
}

/** The decisive conditions in one line, `; ` between them, each once (law and guidance may ask the same). */
export const conditionsLine = (d: Decision): string =>
  [...new Set(decisiveConditions(d).map((c) => conditionPhrase(c, d.byState.length > 1)))].join('; ');

/** What a decision's states were: `CA;NV`, `US`, or `` when the row named none. */
export const statesOf = (d: Decision): string => (d.query.states === null ? '' : d.query.states.join(';'));

/** What decides a finding, in one line: its decisive conditions, or for a rule that states its verdict outright, the summary. */
export const whatDecides = (d: Decision): string => conditionsLine(d) || (d.verdict === 'allowed' ? '' : d.summary);
