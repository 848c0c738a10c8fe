import type { Decision } from '../domain/decision.js';

/** The decision JSON (docs/design.md): keys in the contract's order, two-space indent, one trailing newline. */
export const decisionJson = (decision: Decision): string => `${JSON.stringify(decision, null, 2)}\n`;
