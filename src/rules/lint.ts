import type { RuleData, RuleRecord, StateDef } from '../domain/rule-set.js';
import { selectTasks } from '../domain/select-tasks.js';
import { PRIMARY_CITATION_KINDS, STATE_GOVERNED_CATEGORIES } from '../domain/vocabulary.js';
import { delegationRuleId } from './delegation-rule.js';
import { type Origins, originKey } from './origins.js';
import { type Origin, type Reporter, within } from './reporter.js';

export interface LintOptions {
  /** Today, YYYY-MM-DD: review dates are measured against it. */
  today: string;
  /** Review dates older than this many months are stale. */
  maxAgeMonths: number;
}

/** The first day that still counts as fresh: today minus the allowed age. */
function cutoff(today: string, months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** An explicit prohibition that always applies: no way out, no dates, nothing replaces it. */
const alwaysProhibits = (rule: RuleRecord, replaced: ReadonlySet<string>): boolean =>
  rule.verdict === 'prohibited' &&
  !rule.unless &&
  !rule.requires &&
  !rule.effective &&
  !rule.until &&
  !rule.states &&
  !replaced.has(rule.id);

/**
 * Warnings for rule authors: things that are valid but probably wrong or rotting (issue #4's
 * lint list). They never stop a check; `validate --max-warnings` decides whether they fail CI.
 */
export function lintRuleSet(data: RuleData, origins: Origins, reporter: Reporter, options: LintOptions): void {
  const at = (kind: string, id: string): Origin | undefined => origins.get(originKey(kind, id));
  const item = (kind: string, id: string): Origin | undefined => {
    const o = at(kind, id);
    return o && { ...o, path: o.path.slice(0, -1) };
  };

  const used = new Set<string>(data.jurisdictionGap.cites);
  const use = (ids: readonly string[] | undefined) => ids?.forEach((id) => used.add(id));
  for (const r of data.rules) {
    use(r.cites);
    r.notes?.forEach((n) => use(n.cites));
  }
  for (const owner of [...data.tasks, ...data.states]) {
    owner.notes?.forEach((n) => use(n.cites));
    owner.conflicts?.forEach((c) => use(c.cites));
  }
  for (const s of data.states) {
    use(s.delegation?.cites);
    s.definitions?.forEach((d) => use(d.cites));
  }
  for (const def of [...data.credentials, ...data.trainings, ...data.conditions]) use(def.cites);

  const fresh = cutoff(options.today, options.maxAgeMonths);
  for (const c of data.citations) {
    const where = item('citation', c.id);
    if (!where) continue;
    if (!c.url && !c.locator)
      reporter.warning(
        'citation-without-url',
        where,
        `citation '${c.id}' has no url (or locator, where no web address was seen)`,
      );
    if (!used.has(c.id)) reporter.warning('unused-citation', within(where, 'id'), `citation '${c.id}' is never cited`);
    if (c.reviewed < fresh)
      reporter.warning(
        'stale-review',
        within(where, 'reviewed'),
        `citation '${c.id}' was last reviewed ${c.reviewed}, more than ${options.maxAgeMonths} months ago`,
      );
  }

  for (const state of data.states) restatedDelegation(state, data.rules, at, reporter);

  const kinds = new Map(data.citations.map((c) => [c.id, c.kind]));
  const sources = new Map(data.citations.map((c) => [c.id, c.source]));
  const replaced = new Set(data.rules.flatMap((r) => r.supersedes ?? []));
  const blockers = data.rules.filter((r) => r.layer !== 'overlay' && alwaysProhibits(r, replaced));
  for (const rule of data.rules) {
    const where = at('rule-at', rule.id);
    if (!where) continue;
    if (rule.basis === 'law' && !rule.cites.some((id) => PRIMARY_CITATION_KINDS.includes(kinds.get(id)!))) {
      reporter.warning(
        'law-without-primary-source',
        within(where, 'cites'),
        `law rule '${rule.id}' cites only secondary sources`,
        { ruleId: rule.id },
      );
    }
    // A law rule whose best source is commentary is a low-confidence fact: it belongs in a note.
    if (rule.basis === 'law' && rule.cites.every((id) => sources.get(id) === 'commentary')) {
      reporter.warning(
        'law-rule-commentary-only',
        within(where, 'cites'),
        `law rule '${rule.id}' rests on commentary alone; cite the official text or a copy of it, or make it a note`,
        { ruleId: rule.id },
      );
    }
    // A rule that can reach prohibited may still co-determine a prohibition, so it is never shadowed.
    const canProhibit = rule.basis !== 'guidance' && (rule.verdict === 'prohibited' || rule.requires !== undefined);
    if (canProhibit) continue;
    const tasks = selectTasks(rule, data.tasks);
    const blockedEverywhere =
      tasks.length > 0 &&
      tasks.every((task) =>
        blockers.some(
          (b) =>
            b.id !== rule.id &&
            (b.layer === 'national' || (rule.layer === 'state' && b.owner === rule.owner)) &&
            selectTasks(b, data.tasks).includes(task),
        ),
      );
    if (blockedEverywhere)
      reporter.warning(
        'shadowed-rule',
        within(where, 'id'),
        `rule '${rule.id}' can never change a decision: every task it selects is always prohibited by another rule`,
        { ruleId: rule.id },
      );
  }
}

/**
 * A hand-written state rule that says again what the state's delegation provision says (the same
 * delegators over every category the provision covers): the provision is the one place for it.
 */
function restatedDelegation(
  state: StateDef,
  rules: readonly RuleRecord[],
  at: (kind: string, id: string) => Origin | undefined,
  reporter: Reporter,
): void {
  const d = state.delegation;
  if (!d || d.none || !d.delegators) return;
  const categories = d.categories ?? STATE_GOVERNED_CATEGORIES;
  const same = (ids: readonly string[]) =>
    ids.length === d.delegators!.length && ids.every((id) => d.delegators!.includes(id));
  for (const rule of rules) {
    if (rule.layer !== 'state' || rule.owner !== state.code || rule.id === delegationRuleId(state.code)) continue;
    const coversAll = categories.every((c) => rule.appliesTo.categories?.includes(c));
    const where = at('rule-at', rule.id);
    if (where && coversAll && rule.requires?.some((r) => r.delegator && same(r.delegator.anyOf))) {
      reporter.warning(
        'restates-delegation',
        within(where, 'id'),
        `rule '${rule.id}' restates ${state.code}'s delegation provision; put what it adds in the \`delegation:\` block`,
        { ruleId: rule.id },
      );
    }
  }
}
