import type { RuleRecord } from './rule-set.js';
import type { Conflict, Note } from './schema/common.js';
import type { Citation } from './schema/definitions.js';
import type { Delegation, SupervisionDefinition } from './schema/files.js';

/** What a state's sources are gathered from besides its rules. */
interface StateSourceParts {
  delegation?: Pick<Delegation, 'cites'>;
  definitions?: readonly Pick<SupervisionDefinition, 'cites' | 'reviewed'>[];
  notes?: readonly Pick<Note, 'cites'>[];
  conflicts?: readonly Pick<Conflict, 'cites'>[];
}

type StateRule = Pick<RuleRecord, 'cites' | 'notes' | 'reviewed'>;

/**
 * Every citation a state's own data uses, each once, in reading order: its rules and their notes,
 * the delegation block, the definitions, the state's notes and conflicts. The one list that the
 * profile, the derived review date and the data report all read.
 */
export function stateCitationIds(state: StateSourceParts | undefined, rules: readonly StateRule[]): string[] {
  return [
    ...new Set([
      ...rules.flatMap((r) => [...r.cites, ...(r.notes ?? []).flatMap((n) => n.cites)]),
      ...(state?.delegation?.cites ?? []),
      ...(state?.definitions ?? []).flatMap((d) => d.cites),
      ...(state?.notes ?? []).flatMap((n) => n.cites),
      ...(state?.conflicts ?? []).flatMap((c) => c.cites),
    ]),
  ];
}

/** The distinct days a state's sources, rules and definitions were last read, oldest first. */
export function stateReviewDays(
  state: StateSourceParts | undefined,
  rules: readonly StateRule[],
  citation: (id: string) => Pick<Citation, 'reviewed'> | undefined,
): string[] {
  const days = [
    ...stateCitationIds(state, rules).flatMap((id) => citation(id)?.reviewed ?? []),
    ...rules.flatMap((r) => r.reviewed ?? []),
    ...(state?.definitions ?? []).flatMap((d) => d.reviewed ?? []),
  ];
  return [...new Set(days)].sort();
}
