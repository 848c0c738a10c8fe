import { join, relative, sep } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import { compareDiagnostics } from '../domain/diagnostic.js';
import { type Case, CaseFile } from '../domain/schema/case-file.js';
import { deferredSourceMap } from './deferred-source-map.js';
import { yamlFilesIn, ymlMessage } from './list-sources.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import type { DataPath, Range } from './source-map.js';
import { wholeFileError } from './whole-file-diagnostic.js';
import { zodDiagnostics } from './zod-diagnostics.js';

/** A case with where it was written and the date it pins. */
export interface LoadedCase {
  case: Case;
  file: string;
  range: Range;
  /** The case's own `asOf`, else its query's, else its file's. */
  asOf: string | undefined;
  /** Its place in its file's `cases` list. */
  index: number;
  /** The source range of a path inside this case (`['expect', 'determinedBy', 0]`). */
  locate: (path: DataPath) => Range;
}

export interface LoadedCases {
  cases: LoadedCase[];
  diagnostics: Diagnostic[];
  files: string[];
  /** The cases folder does not exist (an overlay may have none; `test` has nothing to run). */
  folderMissing: boolean;
}

/**
 * Reads every `*.yaml` in a cases folder. Cases are not part of the rule set, its snapshot or its
 * digest. A folder that exists but cannot be read, and a `*.yml` file, are findings.
 */
export function loadCases(dir: string, cwd: string): LoadedCases {
  const display = (path: string) => relative(cwd, path).split(sep).join('/') || path;
  const listing = yamlFilesIn(dir);
  const names = listing.names;
  const cases: LoadedCase[] = [];
  const diagnostics = listing.yml.map((path) => wholeFileError('yml-extension', display(path), ymlMessage(path)));
  if (listing.error && !listing.error.missing)
    diagnostics.push(wholeFileError('missing-folder', display(dir), listing.error.message));
  /** Where each case id was first written: a second case under the same id is reported, never silently run twice. */
  const seen = new Map<string, string>();
  for (const name of names) {
    const path = join(dir, name);
    const file = display(path);
    const read = readSource(path);
    if (!read.ok) {
      diagnostics.push(wholeFileError(read.code, file, read.message));
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
    const later = deferredSourceMap(path, file);
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
        index: i,
        locate: (at) => later.rangeOf(['cases', i, ...at]),
      });
    });
  }
  diagnostics.sort(compareDiagnostics);
  return {
    cases,
    diagnostics,
    files: [...names.map((n) => display(join(dir, n))), ...listing.yml.map(display)],
    folderMissing: listing.error?.missing === true,
  };
}
