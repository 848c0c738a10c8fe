import { type HtmlChild, h } from './site-html.js';

/**
 * What a rule says and where and when it applies, with its requirements in words: the facts the
 * state pages and the task pages show for every rule, so neither can show a verdict without the
 * `unless` that lifts it, or a policy rule without the states it is limited to.
 */
export interface RuleFacts {
  verdict: string | null;
  /** Each `unless` requirement in words (the verdict does not apply when one is met). */
  unless: readonly string[];
  /** Each `requires` requirement in words. */
  requires: readonly string[];
  /**
   * An overlay rule's states, or 'all' when it covers every state; undefined for a national rule
   * (the baseline everywhere) and a state's own rule (its state).
   */
  states?: readonly string[] | 'all';
  effective: string | null;
  until: string | null;
}

/**
 * What lifts the verdict: ` unless credential CMA`, or '' when nothing does. A verdict stands
 * unless every entry of its `unless` list is met, so several entries read ` unless all of: …`.
 */
const unlessText = (f: RuleFacts): string =>
  f.unless.length === 0 ? '' : ` unless ${f.unless.length > 1 ? 'all of: ' : ''}${f.unless.join('; ')}`;

/** `from 2026-01-01, until 2027-01-01`, or '' for a rule with no dates. */
const inForceText = (f: RuleFacts): string =>
  [f.effective && `from ${f.effective}`, f.until && `until ${f.until}`].filter(Boolean).join(', ');

/** The facts as `dt`/`dd` pairs, for a `dl class="facts"` that may hold more (tasks, sources). */
export function ruleFactsItems(f: RuleFacts): HtmlChild[] {
  const when = inForceText(f);
  return [
    f.verdict === null ? null : [h('dt', {}, 'Verdict'), h('dd', {}, h('strong', {}, f.verdict), unlessText(f))],
    f.requires.length ? [h('dt', {}, 'Requires'), h('dd', {}, f.requires.join('; '))] : null,
    f.states === undefined
      ? null
      : [h('dt', {}, 'States'), h('dd', {}, f.states === 'all' ? 'every state and DC' : f.states.join(', '))],
    when ? [h('dt', {}, 'In force'), h('dd', {}, when)] : null,
  ];
}
