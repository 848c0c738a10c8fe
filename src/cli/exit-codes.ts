import type { Verdict } from '../domain/verdict.js';

/** Exit codes (docs/design.md, a contract). */
export const ExitCode = {
  Ok: 0,
  /** validate/test: findings; audit: a decision at or above --fail-on. */
  Findings: 1,
  Usage: 64,
  InvalidRules: 65,
  /** audit: a roster row could not be evaluated (reported with its line; the rest was audited). */
  InvalidRows: 65,
  NoInput: 66,
  Internal: 70,
} as const;

/** `check` answers with the verdict: 0 allowed, 1 conditional, 2 discouraged, 3 prohibited. */
export const CHECK_EXIT: Readonly<Record<Verdict, number>> = {
  allowed: 0,
  conditional: 1,
  discouraged: 2,
  prohibited: 3,
};
