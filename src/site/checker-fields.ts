import type { QueryInput } from '../domain/query.js';

/**
 * The checker's answers as the form and the URL hold them: names as a person picks them, lists
 * empty when nothing is checked, '' for a select left at "unknown". The URL uses the option names
 * of `check` (`?task=iv-insertion&state=AK&cert=CMA`), so a link reads like the command.
 */
export interface CheckerFields {
  task: string;
  states: string[];
  cert: string[];
  supervision: string;
  training: string[];
  delegator: string;
  setting: string;
}

const LISTS = { state: 'states', cert: 'cert', training: 'training' } as const;
const SINGLES = ['supervision', 'delegator', 'setting'] as const;

/** A list parameter: repeated (`state=AK&state=CA`) or comma-separated (`state=AK,CA`), as `check` takes it. */
const listOf = (params: URLSearchParams, name: string): string[] =>
  params
    .getAll(name)
    .flatMap((value) => value.split(','))
    .map((value) => value.trim())
    .filter((value) => value !== '');

/** The fields a URL's query gives; a task of '' means nothing is asked yet (the form is only filled in). */
export function fieldsFromParams(params: URLSearchParams): CheckerFields {
  const single = (name: string) => params.get(name)?.trim() ?? '';
  return {
    task: single('task'),
    states: listOf(params, 'state'),
    cert: listOf(params, 'cert'),
    supervision: single('supervision'),
    training: listOf(params, 'training'),
    delegator: single('delegator'),
    setting: single('setting'),
  };
}

/** The URL query of the fields: only what was given, lists as repeated parameters, in a fixed order. */
export function paramsOf(fields: Partial<CheckerFields>): URLSearchParams {
  const params = new URLSearchParams();
  if (fields.task) params.append('task', fields.task);
  for (const [name, key] of Object.entries(LISTS)) for (const value of fields[key] ?? []) params.append(name, value);
  for (const name of SINGLES) if (fields[name]) params.append(name, fields[name]);
  return params;
}

/**
 * The query `check` would be given: a list left empty and a select left at unknown are not given
 * (unknown), as when an option is left out; `none` is a list holding only 'none'.
 */
export function queryInputOf(fields: CheckerFields, asOf: string): QueryInput {
  const list = (values: string[]) => (values.length === 0 ? null : values);
  const single = (value: string) => (value === '' ? null : value);
  return {
    task: fields.task,
    states: list(fields.states),
    credentials: list(fields.cert),
    supervision: single(fields.supervision),
    trainings: list(fields.training),
    delegator: single(fields.delegator),
    setting: single(fields.setting),
    confirmed: [],
    denied: [],
    asOf,
  };
}
