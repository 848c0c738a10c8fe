import { statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import type { Diagnostic } from '../domain/diagnostic.js';
import { compareDiagnostics } from '../domain/diagnostic.js';
import { STATES } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { digestRules } from './digest.js';
import { FILE_SCHEMAS } from './file-schemas.js';
import { indexRules } from './index-rules.js';
import { link, type ValidFile } from './link.js';
import type { LintOptions } from './lint.js';
import { listOverlaySources, listRuleSetSources, type SourceEntry, type SourceKind } from './list-sources.js';
import { parseYaml } from './parse-yaml.js';
import { readSource } from './read-source.js';
import { Reporter } from './reporter.js';
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
  /** A folder that does not exist: the caller's usage problem (exit 66), not a finding. */
  | { ok: false; diagnostics: []; files: []; missing: string };

const isFolder = (path: string): boolean => {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
};

/**
 * Loads a rules folder and its overlays into an immutable, indexed rule set. Every problem in the
 * files comes back as a located diagnostic; nothing here throws for bad input.
 */
export function loadRules(options: LoadOptions): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  const overlays = options.overlays ?? [];
  for (const folder of [options.root, ...overlays])
    if (!isFolder(folder)) return { ok: false, diagnostics: [], files: [], missing: folder };

  const display = (path: string) => relative(cwd, path).split(sep).join('/') || path;
  const diagnostics: Diagnostic[] = [];
  const valid: ValidFile[] = [];
  const failed = new Set<SourceKind>();
  const files: string[] = [];
  const take = (entry: SourceEntry, overlay?: string): ValidFile | undefined => {
    const file = display(entry.path);
    files.push(file);
    failed.add(entry.kind); // until the file proves valid

    const read = readSource(entry.path);
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
    const stem = basename(entry.path).replace(/\.ya?ml$/, '');
    const validFile: ValidFile = {
      kind: entry.kind,
      file,
      stem,
      map: parsed.map,
      data: result.data,
      ...(overlay ? { overlay } : {}),
    };
    valid.push(validFile);
    if (!diagnostics.some((d) => d.file === file)) failed.delete(entry.kind);
    return validFile;
  };

  for (const entry of listRuleSetSources(options.root)) take(entry);
  for (const folder of overlays) {
    const [head, ...rest] = listOverlaySources(folder);
    const overlayFile = take(head!);
    const name = (overlayFile?.data as { name?: string } | undefined)?.name ?? basename(folder);
    for (const entry of rest) take(entry, name);
  }

  const reporter = new Reporter();
  const data = link(valid, reporter, incompleteVocabularies(failed), options.lint);
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
 * one broken file does not bury its own error under a cascade of "unknown id" findings.
 */
function incompleteVocabularies(failed: ReadonlySet<SourceKind>): Set<string> {
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
  return new Set([...failed].flatMap((kind) => defines[kind]));
}
