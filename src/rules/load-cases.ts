import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import { compareDiagnostics } from '../domain/diagnostic.js';
import { type Case, CaseFile } from '../domain/schema/case-file.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import type { Range } from './source-map.js';
import { zodDiagnostics } from './zod-diagnostics.js';

/** A case with where it was written and the date it pins. */
export interface LoadedCase {
  case: Case;
  file: string;
  range: Range;
  /** The case's own `asOf`, else its query's, else its file's. */
  asOf: string | undefined;
}

export interface LoadedCases {
  cases: LoadedCase[];
  diagnostics: Diagnostic[];
  files: string[];
}

/** Reads every `*.yaml` in a cases folder. Cases are not part of the rule set, its snapshot or its digest. */
export function loadCases(dir: string, cwd: string): LoadedCases {
  let names: string[];
  try {
    names = readdirSync(dir)
      .filter((n) => n.endsWith('.yaml'))
      .sort();
  } catch {
    return { cases: [], diagnostics: [], files: [] };
  }
  const cases: LoadedCase[] = [];
  const diagnostics: Diagnostic[] = [];
  /** Where each case id was first written: a second case under the same id is reported, never silently run twice. */
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = relative(cwd, path).split(sep).join('/');
    const read = readSource(path);
    if (!read.ok) {
      diagnostics.push({
        code: read.code,
        severity: 'error',
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        pointer: '',
        message: read.message,
      });
      continue;
    }
    const parsed = parseYaml(file, read.text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0) continue;
    const result = CaseFile.safeParse(parsed.data);
    if (!result.success) {
      diagnostics.push(
        ...zodDiagnostics(file, CaseFile, parsed.data, result.error.issues, parsed.map, () => undefined),
      );
      continue;
    }
    result.data.cases.forEach((c, i) => {
      const range = parsed.map.rangeOf(['cases', i, 'id']);
      const first = seen.get(c.id);
      if (first) {
        diagnostics.push({
          code: 'duplicate-id',
          severity: 'error',
          file,
          ...range,
          pointer: `/cases/${i}/id`,
          message: `case '${c.id}' is already defined at ${first}`,
        });
        return;
      }
      seen.set(c.id, `${file}:${range.line}`);
      cases.push({
        case: c,
        file,
        range: parsed.map.rangeOf(['cases', i]),
        asOf: c.asOf ?? c.query.asOf ?? result.data.asOf,
      });
    });
  }
  diagnostics.sort(compareDiagnostics);
  return { cases, diagnostics, files: names.map((n) => relative(cwd, join(dir, n)).split(sep).join('/')) };
}
