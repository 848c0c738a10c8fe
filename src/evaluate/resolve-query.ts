import { NATIONAL, STATES } from '../domain/jurisdictions.js';
import { OPEN_LIST, type Query, type QueryInput } from '../domain/query.js';
import type { QueryProblemCode } from '../domain/query-problem-codes.js';
import type { RuleSet } from '../domain/rule-set.js';
import { quoted } from '../domain/shown-value.js';
import { suggest } from '../domain/suggest.js';
import { SUPERVISION_LEVELS, type SupervisionLevel } from '../domain/vocabulary.js';

/** A name in the query that matches nothing: the field, what was typed and the closest names. */
export interface QueryProblem {
  field:
    | 'task'
    | 'states'
    | 'credentials'
    | 'supervision'
    | 'trainings'
    | 'delegator'
    | 'setting'
    | 'confirmed'
    | 'denied'
    | 'asOf';
  value: string;
  message: string;
  suggestions: string[];
  /** A stable diagnostic code: `unknown-task`, `unknown-state`… or `invalid-value`. */
  code: QueryProblemCode;
}

/** The code of a name that matches nothing, by field. */
const UNKNOWN_CODE: Readonly<Record<QueryProblem['field'], QueryProblemCode>> = {
  task: 'unknown-task',
  states: 'unknown-state',
  credentials: 'unknown-credential',
  supervision: 'invalid-value',
  trainings: 'unknown-training',
  delegator: 'unknown-role',
  setting: 'unknown-setting',
  confirmed: 'unknown-condition',
  denied: 'unknown-condition',
  asOf: 'invalid-value',
};

export type ResolveResult = { ok: true; query: Query } | { ok: false; problems: QueryProblem[] };

/** Case, spaces, dashes and underscores do not matter in names ("new-york" = "New York"). */
const fold = (name: string): string =>
  name
    .trim()
    .toLowerCase()
    .replace(/[\s_-]+/g, ' ');

/** A lookup from every folded id, alias and name to its canonical id. */
function namesOf(entries: Iterable<{ id: string; names?: readonly (string | undefined)[] }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const { id, names = [] } of entries) for (const name of [id, ...names]) if (name) map.set(fold(name), id);
  return map;
}

/** Every name a query may use, folded, to its canonical id: one table per kind of name. */
export type NameLookups = Readonly<
  Record<'task' | 'state' | 'credential' | 'training' | 'role' | 'setting' | 'condition', Map<string, string>>
>;

/** The name tables of a rule set; `createEvaluator` builds them once, a lone `resolveQuery` per call. */
export function nameLookups(ruleSet: RuleSet): NameLookups {
  return {
    task: namesOf([...ruleSet.tasks.values()].map((t) => ({ id: t.id, names: t.aliases }))),
    state: namesOf([
      { id: NATIONAL, names: ['United States', 'national'] },
      ...Object.entries(STATES).map(([code, name]) => ({ id: code, names: [name] })),
    ]),
    credential: namesOf([...ruleSet.credentials.values()].map((c) => ({ id: c.id, names: c.aliases }))),
    training: namesOf([...ruleSet.trainings.keys()].map((id) => ({ id }))),
    role: namesOf([...ruleSet.roles.values()].map((r) => ({ id: r.id, names: r.aliases }))),
    setting: namesOf([...ruleSet.settings.values()].map((s) => ({ id: s.id, names: s.aliases }))),
    condition: namesOf([...ruleSet.conditions.keys()].map((id) => ({ id }))),
  };
}

export const isRealDate = (text: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const [y, m, d] = text.split('-').map(Number) as [number, number, number];
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1]!;
};

/** The canonical id of a name, or the name itself with a problem (and the closest names) recorded. */
function lookup(
  problems: QueryProblem[],
  field: QueryProblem['field'],
  what: string,
  table: Map<string, string>,
  value: string,
): string {
  const id = table.get(fold(value));
  if (id !== undefined) return id;
  const suggestions = suggest(fold(value), table.keys())
    .map((name) => table.get(name)!)
    .filter((v, i, a) => a.indexOf(v) === i);
  problems.push({ field, value, message: `unknown ${what} ${quoted(value)}`, suggestions, code: UNKNOWN_CODE[field] });
  return value;
}

/** One jurisdiction by code or name (`WA`, `washington`), for commands about a single state. */
export function resolveState(
  ruleSet: RuleSet,
  name: string,
): { ok: true; code: string } | { ok: false; problems: QueryProblem[] } {
  const problems: QueryProblem[] = [];
  const code = lookup(problems, 'states', 'state', nameLookups(ruleSet).state, name);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, code };
}

/**
 * Turns names as a person types them into canonical ids, or explains which names match nothing
 * and what was probably meant (an unknown name never defaults to anything).
 */
export function resolveQuery(
  ruleSet: RuleSet,
  input: QueryInput,
  lookups: NameLookups = nameLookups(ruleSet),
): ResolveResult {
  const problems: QueryProblem[] = [];
  const one = (field: QueryProblem['field'], what: string, table: Map<string, string>, value: string): string =>
    lookup(problems, field, what, table, value);
  /** A list: `none` alone means none; a trailing `...` keeps it open. */
  const many = (
    field: QueryProblem['field'],
    what: string,
    table: Map<string, string>,
    values: readonly string[] | null | undefined,
    allowOpen: boolean,
  ): string[] | null => {
    if (values === null || values === undefined) return null;
    if (values.some((v) => fold(v) === 'none')) {
      if (values.length > 1)
        problems.push({
          field,
          value: values.join(','),
          message: `'none' cannot be combined with other ${what}s`,
          suggestions: [],
          code: 'invalid-value',
        });
      return [];
    }
    const open = allowOpen && values.at(-1) === OPEN_LIST;
    const ids = (open ? values.slice(0, -1) : values).map((v) => one(field, what, table, v));
    const unique = [...new Set(ids)];
    return open ? [...unique, OPEN_LIST] : unique;
  };

  const task = one('task', 'task', lookups.task, input.task);
  const states = many('states', 'state', lookups.state, input.states, false);
  if (states?.includes(NATIONAL) && states.length > 1) {
    problems.push({
      field: 'states',
      value: input.states!.join(','),
      message: `'US' asks for the national baseline alone; it cannot be combined with states`,
      suggestions: [],
      code: 'invalid-value',
    });
  }
  if (states && states.length === 0)
    problems.push({
      field: 'states',
      value: 'none',
      message: 'name at least one state (or US for the national baseline)',
      suggestions: [],
      code: 'invalid-value',
    });
  let supervision: SupervisionLevel | null = null;
  if (input.supervision !== null && input.supervision !== undefined) {
    const level = SUPERVISION_LEVELS.find((l) => l === fold(input.supervision!));
    if (level) supervision = level;
    else
      problems.push({
        field: 'supervision',
        value: input.supervision,
        message: `unknown supervision level ${quoted(input.supervision)} (one of ${SUPERVISION_LEVELS.join(', ')})`,
        suggestions: suggest(input.supervision, SUPERVISION_LEVELS),
        code: 'invalid-value',
      });
  }
  const confirmed = many('confirmed', 'condition', lookups.condition, input.confirmed ?? [], false) ?? [];
  const denied = many('denied', 'condition', lookups.condition, input.denied ?? [], false) ?? [];
  for (const id of confirmed)
    if (denied.includes(id))
      problems.push({
        field: 'denied',
        value: id,
        message: `condition '${id}' is both confirmed and denied`,
        suggestions: [],
        code: 'invalid-value',
      });
  if (!isRealDate(input.asOf))
    problems.push({
      field: 'asOf',
      value: input.asOf,
      message: `${quoted(input.asOf)} is not a date written YYYY-MM-DD`,
      suggestions: [],
      code: 'invalid-value',
    });

  const query: Query = {
    task,
    states,
    credentials: many('credentials', 'credential', lookups.credential, input.credentials, true),
    supervision,
    trainings: many('trainings', 'training', lookups.training, input.trainings, true),
    delegator: input.delegator == null ? null : one('delegator', 'delegator role', lookups.role, input.delegator),
    setting: input.setting == null ? null : one('setting', 'setting', lookups.setting, input.setting),
    confirmed,
    denied,
    asOf: input.asOf,
  };
  return problems.length > 0 ? { ok: false, problems } : { ok: true, query };
}
