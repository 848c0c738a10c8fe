import { readdirSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import { compareDiagnostics } from '../domain/diagnostic.js';
import { STATES } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { deferredSourceMap } from './deferred-source-map.js';
import { digestRules } from './digest.js';
import { FILE_SCHEMAS } from './file-schemas.js';
import { indexRules } from './index-rules.js';
import { link, type ValidFile } from './link.js';
import type { LintOptions } from './lint.js';
import {
  folderError,
  type ListingProblem,
  listOverlaySources,
  listRuleSetSources,
  type SourceEntry,
  type SourceKind,
} from './list-sources.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { Reporter } from './reporter.js';
import { wholeFileError } from './whole-file-diagnostic.js';
import { zodDiagnostics } from './zod-diagnostics.js';

export interface LoadOptions {
  /** A full rule set folder (holds `credentials.yaml`). */
  root: string;
  /** Organization overlay folders, applied in order. */
  overlays?: readonly string[];
  /** Paths in diagnostics are relative to this folder. */
  cwd?: string;
  /** Also report warnings for rule authors (`validate`). */
  lint?: LintOptions;
}

export type LoadResult =
  | { ok: true; ruleSet: RuleSet; diagnostics: Diagnostic[]; files: string[]; missing?: undefined }
  | { ok: false; diagnostics: Diagnostic[]; files: string[]; missing?: undefined }
  /**
   * A folder named by the caller that does not exist or cannot be listed: the caller's problem
   * (exit 66), not a finding. `reason` reads before the path: `no such folder: DIR`.
   */
  | { ok: false; diagnostics: []; files: []; missing: string; reason: string };

/** Why a folder the caller named cannot be loaded, or undefined when it can be listed. */
function unusableFolder(path: string): string | undefined {
  try {
    readdirSync(path);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such folder';
    if (code === 'ENOTDIR') return 'not a folder';
    return folderError(error);
  }
}

/**
 * Loads a rules folder and its overlays into an immutable, indexed rule set. Every problem in the
 * files comes back as a located diagnostic; nothing here throws for bad input.
 */
export function loadRules(options: LoadOptions): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const overlays = options.overlays ?? [];
  for (const folder of [options.root, ...overlays]) {
    const reason = unusableFolder(folder);
    if (reason !== undefined) return { ok: false, diagnostics: [], files: [], missing: folder, reason };
  }

  const display = (path: string) => relative(cwd, path).split(sep).join('/') || path;
  const diagnostics: Diagnostic[] = [];
  const valid: ValidFile[] = [];
  const failed = new Set<SourceKind>();
  const files: string[] = [];
  /** One file read, parsed and checked against its kind's schema; undefined when it is not valid. */
  const check = (entry: SourceEntry, file: string, overlay?: string): ValidFile | undefined => {
    const read = readSource(entry.path);
    if (!read.ok) {
      diagnostics.push(wholeFileError(read.code, file, read.message));
      return undefined;
    }
    const parsed = parseYaml(file, read.text);
    diagnostics.push(...parsed.diagnostics);
    if (parsed.diagnostics.length > 0) return undefined;
    const schema = FILE_SCHEMAS[entry.kind];
    const result = schema.safeParse(parsed.data);
    if (!result.success) {
      const rules = (parsed.data as { rules?: { id?: unknown }[] } | null)?.rules;
      const ruleIdAt = (path: readonly PropertyKey[]) => {
        const id = path[0] === 'rules' && Array.isArray(rules) ? rules[path[1] as number]?.id : undefined;
        return typeof id === 'string' ? id : undefined;
      };
      diagnostics.push(...zodDiagnostics(file, schema, parsed.data, result.error.issues, parsed.map, ruleIdAt));
      return undefined;
    }
    return {
      kind: entry.kind,
      file,
      stem: basename(entry.path).replace(/\.yaml$/, ''),
      map: deferredSourceMap(entry.path, file),
      data: result.data,
      ...(overlay ? { overlay } : {}),
    };
  };
  const take = (entry: SourceEntry, overlay?: string): ValidFile | undefined => {
    const file = display(entry.path);
    files.push(file);
    failed.add(entry.kind); // until the file proves valid
    const validFile = check(entry, file, overlay);
    if (validFile) {
      valid.push(validFile);
      failed.delete(entry.kind);
    }
    return validFile;
  };

  /** Kinds of which files could not even be listed: an unreadable folder, a `.yml` file. */
  const unlisted = new Set<SourceKind>();
  /** A missing or unreadable folder, or a `.yml` file: reported, and what it would define counts as incomplete. */
  const listed = (problems: readonly ListingProblem[]) => {
    for (const problem of problems) {
      diagnostics.push(wholeFileError(problem.code, display(problem.path), problem.message));
      unlisted.add(problem.kind);
    }
  };

  const ruleSet = listRuleSetSources(options.root);
  listed(ruleSet.problems);
  for (const entry of ruleSet.entries) take(entry);
  for (const folder of overlays) {
    const overlay = listOverlaySources(folder);
    listed(overlay.problems);
    const [head, ...rest] = overlay.entries;
    const overlayFile = take(head!);
    const name = (overlayFile?.data as { name?: string } | undefined)?.name ?? basename(folder);
    for (const entry of rest) take(entry, name);
  }

  const reporter = new Reporter();
  const data = link(valid, reporter, incompleteVocabularies(failed, unlisted), options.lint);
  diagnostics.push(...reporter.diagnostics);
  if (options.lint) {
    const missing = Object.keys(STATES).filter((code) => !data.states.some((s) => s.code === code));
    if (missing.length > 0) {
      const file = display(join(options.root, 'states'));
      diagnostics.push({
        code: 'missing-jurisdiction',
        severity: 'warning',
        file,
        line: 1,
        column: 1,
        endLine: 1,
        endColumn: 1,
        pointer: '',
        message: `no state file for ${missing.length} jurisdiction(s): ${missing.join(', ')}`,
      });
    }
  }
  diagnostics.sort(compareDiagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { ok: false, diagnostics, files };
  return { ok: true, ruleSet: indexRules(data, digestRules(data)), diagnostics, files };
}

/**
 * The vocabularies some failed file may have defined: references into them are not checked, so
 * one broken file does not bury its own error under a cascade of "unknown id" findings. Files that
 * could not be listed at all (an unreadable `states/`) also leave incomplete what only they define
 * besides rules: every state's own citations, conditions, credentials and trainings.
 */
function incompleteVocabularies(failed: ReadonlySet<SourceKind>, unlisted: ReadonlySet<SourceKind>): Set<string> {
  const defines: Record<SourceKind, string[]> = {
    credentials: ['credential', 'issuer'],
    trainings: ['training'],
    conditions: ['condition'],
    citations: ['citation'],
    tags: ['tag'],
    roles: ['role'],
    settings: ['setting'],
    national: ['rule'],
    task: ['task', 'rule'],
    state: ['rule'],
    overlay: [],
    'overlay-rules': ['rule', 'citation', 'condition', 'training'],
  };
  const stateOwn = unlisted.has('state') ? ['citation', 'condition', 'credential', 'issuer', 'training'] : [];
  return new Set([...failed, ...unlisted].flatMap((kind) => defines[kind]).concat(stateOwn));
}
