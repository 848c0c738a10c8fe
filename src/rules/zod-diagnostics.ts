import type { z } from 'zod';
import type { Diagnostic } from '../domain/diagnostic.js';
import { isRuleDiagnosticCode, type RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import { didYouMean } from '../domain/suggest.js';
import type { SourceMap } from './source-map.js';
import { toPointer } from './source-map.js';

type Issue = z.core.$ZodIssue;

/** Every field name any rule file may use: the candidates for "did you mean" on an unknown key. */
function fieldNames(schema: z.ZodType, seen = new Set<unknown>(), names = new Set<string>()): Set<string> {
  if (seen.has(schema)) return names;
  seen.add(schema);
  const def = (schema as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  const visit = (child: unknown) => child && fieldNames(child as z.ZodType, seen, names);
  switch (def.type) {
    case 'object':
      for (const [key, child] of Object.entries(def.shape as Record<string, unknown>)) {
        names.add(key);
        visit(child);
      }
      break;
    case 'lazy':
      visit((def.getter as () => unknown)());
      break;
    case 'union':
      (def.options as unknown[]).forEach(visit);
      break;
    case 'array':
      visit(def.element);
      break;
    case 'record':
      visit(def.valueType);
      break;
    case 'pipe':
      visit(def.in);
      visit(def.out);
      break;
    default:
      visit(def.innerType);
  }
  return names;
}

const namesBySchema = new WeakMap<z.ZodType, Set<string>>();

/** The value at a data path, or undefined where the path runs out (zod 4 issues carry no input). */
const valueAt = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>(
    (node, key) =>
      node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[key] : undefined,
    data,
  );

/** Turns zod's issues into located diagnostics with stable codes. */
export function zodDiagnostics(
  file: string,
  schema: z.ZodType,
  data: unknown,
  issues: readonly Issue[],
  map: SourceMap,
  ruleIdAt: (path: readonly PropertyKey[]) => string | undefined,
): Diagnostic[] {
  let known = namesBySchema.get(schema);
  if (!known) {
    known = fieldNames(schema);
    namesBySchema.set(schema, known);
  }
  const out: Diagnostic[] = [];
  const push = (
    code: RuleDiagnosticCode,
    path: readonly (string | number)[],
    message: string,
    target: 'key' | 'value' = 'value',
  ) => {
    const ruleId = ruleIdAt(path);
    out.push({
      code,
      severity: 'error',
      file,
      ...map.rangeOf(path, target),
      pointer: toPointer(path),
      ...(ruleId ? { ruleId } : {}),
      message,
    });
  };
  for (const issue of flatten(issues)) {
    const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
    const where = path.length ? `${String(path.at(-1))}: ` : '';
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          const hint = didYouMean(key, known);
          push('unknown-field', [...path, key], `unknown field '${key}'${hint ? `; ${hint}` : ''}`, 'key');
        }
        break;
      case 'invalid_type': {
        const input = valueAt(data, path);
        if (input === undefined) push('missing-field', path, `missing required field '${String(path.at(-1))}'`);
        else push('wrong-type', path, `${where}expected ${issue.expected}, got ${describe(input)}`);
        break;
      }
      case 'invalid_value': {
        const input = valueAt(data, path);
        const allowed = issue.values.map(String);
        const hint = typeof input === 'string' ? didYouMean(input, allowed) : '';
        push(
          'invalid-value',
          path,
          `${where}'${String(input)}' is not one of ${allowed.join(', ')}${hint ? `; ${hint}` : ''}`,
        );
        break;
      }
      case 'custom': {
        // A refinement names its code in its params; anything else is a plain invalid value.
        const code = (issue.params as { code?: unknown } | undefined)?.code;
        push(isRuleDiagnosticCode(code) ? code : 'invalid-value', path, issue.message);
        break;
      }
      default:
        push('invalid-value', path, `${where}${issue.message}`);
    }
  }
  return out;
}

/** A failed union reports the branch that got furthest, so the message names the real mistake. */
function flatten(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    if (issue.code !== 'invalid_union' || issue.errors.length === 0) return [issue];
    const best = issue.errors.reduce((a, b) => (score(b) < score(a) ? b : a));
    return flatten(best.map((inner) => ({ ...inner, path: [...issue.path, ...inner.path] }) as Issue));
  });
}

const score = (branch: readonly Issue[]): number =>
  branch.reduce((n, i) => n + (i.code === 'unrecognized_keys' ? 1 : 2), 0);

const describe = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'a list'
      : typeof value === 'object'
        ? 'a map'
        : `${typeof value} '${String(value)}'`;
