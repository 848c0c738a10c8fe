/** Verdicts, least to most restrictive (docs/design.md). The order is the contract. */
export const VERDICTS = ['allowed', 'conditional', 'discouraged', 'prohibited'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** A verdict a rule may state outright; `allowed` and `conditional` only ever follow from requirements. */
export const EXPLICIT_VERDICTS = ['discouraged', 'prohibited'] as const;

const RANK: Readonly<Record<Verdict, number>> = { allowed: 0, conditional: 1, discouraged: 2, prohibited: 3 };

export const verdictRank = (verdict: Verdict): number => RANK[verdict];

/** The more restrictive of two verdicts. */
export const stricter = (a: Verdict, b: Verdict): Verdict => (RANK[a] >= RANK[b] ? a : b);
