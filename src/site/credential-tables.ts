import { STATES } from '../domain/jurisdictions.js';
import type { Evaluator } from '../evaluate/evaluator.js';
import type { CredentialMatrixRow } from '../format/site-credential-matrix.js';
import type { MapProfile } from '../format/site-map-controls.js';
import { matrix } from '../space/matrix.js';
import { fixedProfileOf } from '../space/profile-grid.js';

/** Every task's states-by-credential table: the common columns, and each task's rows. */
export interface CredentialTables {
  /** `none` and each national credential: the columns every state shares. */
  columns: string[];
  rowsByTask: ReadonlyMap<string, CredentialMatrixRow[]>;
}

/**
 * For each state, `ma-check matrix --by credential --states XX` with the profile's supervision
 * and delegator (the credential is the column): every task's verdict with no credential, with each
 * national credential alone, and with each of the state's own credentials alone. Regrouped by task,
 * one row per state.
 */
export function credentialTables(
  evaluator: Evaluator,
  profile: Omit<MapProfile, 'task' | 'credential'>,
  asOf: string,
  stateHref: (state: string) => string,
): CredentialTables {
  const { ruleSet } = evaluator;
  const resolved = evaluator.resolve({
    task: ruleSet.tasks.keys().next().value!,
    supervision: profile.supervision || null,
    delegator: profile.delegator || null,
    asOf,
  });
  if (!resolved.ok) throw new RangeError(resolved.problems.map((p) => p.message).join('; '));
  const fixed = fixedProfileOf(resolved.query);
  const shared = 1 + [...ruleSet.credentials.values()].filter((c) => c.jurisdiction === undefined).length;
  const rowsByTask = new Map<string, CredentialMatrixRow[]>([...ruleSet.tasks.keys()].map((id) => [id, []]));
  let columns: string[] = [];
  for (const [state, name] of Object.entries(STATES)) {
    const table = matrix(ruleSet, { by: 'credential', jurisdictions: [state], asOf, fixed }, evaluator);
    columns = table.columns.slice(0, shared);
    for (const row of table.rows)
      rowsByTask.get(row.task)!.push({
        state,
        name,
        href: stateHref(state),
        verdicts: row.verdicts.slice(0, shared),
        own: table.columns.slice(shared).map((credential, i) => ({ credential, verdict: row.verdicts[shared + i]! })),
      });
  }
  return { columns, rowsByTask };
}
