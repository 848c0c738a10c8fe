import { PROFILE_AXES, type ProfileLabels } from '../domain/query-space.js';
import {
  type ChangeDirection,
  type DecisionChange,
  type RowPart,
  RULE_CHANGE_KINDS,
  type RuleChange,
} from '../domain/rule-set-diff.js';

/** What the text and Markdown diffs call each direction. */
export const DIRECTION_WORDS: Readonly<Record<ChangeDirection, string>> = {
  stricter: 'stricter',
  looser: 'looser',
  'same-verdict': 'same verdict',
  added: 'added',
  removed: 'removed',
};

const PART_WORDS: Readonly<Record<RowPart, string>> = {
  verdict: 'verdict',
  confidence: 'confidence',
  determinedBy: 'determined by',
  toVerify: 'to verify',
  unmet: 'unmet',
  citations: 'citations',
};

/** A profile as one line: `CMA · direct · physician · none`, in the grid's axis order. */
export const profileWords = (profile: ProfileLabels): string => PROFILE_AXES.map((axis) => profile[axis]).join(' · ');

/** How the decision moved: `conditional → prohibited (stricter)`, `prohibited (same verdict: determined by)`. */
export function movementWords(change: DecisionChange): string {
  const { before, after, direction } = change;
  if (before !== null && after !== null && direction === 'same-verdict') {
    const parts = change.changed.map((part) =>
      part === 'confidence' ? `confidence ${before.confidence} → ${after.confidence}` : PART_WORDS[part],
    );
    return `${after.verdict} (same verdict: ${parts.join(', ')})`;
  }
  return `${before?.verdict ?? '—'} → ${after?.verdict ?? '—'} (${DIRECTION_WORDS[direction]})`;
}

/**
 * The rules behind a change, by kind: `rules edited: AK/iv-rule; added: AK/new`. `show` writes
 * each id (a code span in Markdown); beyond `limit` ids of a kind, the rest are counted.
 */
export function ruleWords(
  rules: readonly RuleChange[],
  show: (id: string) => string = (id) => id,
  limit = Number.POSITIVE_INFINITY,
): string {
  if (rules.length === 0) return 'no rule of the task here changed (a definition did)';
  const groups = RULE_CHANGE_KINDS.map((kind) => {
    const ids = rules.filter((r) => r.change === kind).map((r) => r.id);
    const shown = ids.slice(0, limit).map(show);
    if (ids.length > limit) shown.push(`and ${ids.length - limit} more`);
    return { kind, shown };
  }).filter((g) => g.shown.length > 0);
  return `rules ${groups.map((g) => `${g.kind}: ${g.shown.join(', ')}`).join('; ')}`;
}

/** How many rule ids of each kind the summary of a diff names before it counts the rest. */
export const SUMMARY_RULE_IDS = 20;

/** A digest as the other reports show it: the algorithm and twelve hex digits. */
export const shortDigest = (digest: string): string => `${digest.slice(0, 19)}…`;
