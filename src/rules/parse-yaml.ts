import { LineCounter, parseDocument } from 'yaml';
import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import { SourceMap } from './source-map.js';

/** Aliases beyond this many per file are refused: rule files are data, not compressed bombs. */
const MAX_ALIAS_COUNT = 100;

export interface ParsedYaml {
  data: unknown;
  map: SourceMap;
  diagnostics: Diagnostic[];
}

const YAML_CODES: Readonly<Record<string, RuleDiagnosticCode>> = {
  DUPLICATE_KEY: 'duplicate-key',
  TAB_AS_INDENT: 'tab-indent',
  TAG_RESOLVE_FAILED: 'custom-tag',
  MULTIPLE_DOCS: 'multiple-documents',
};

/**
 * Parses one file as data only: YAML 1.2 core schema, no custom tags, unique keys, bounded aliases.
 * Positions come from the parser's own node ranges through a LineCounter.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    lineCounter,
    prettyErrors: false,
    uniqueKeys: true,
    schema: 'core',
    customTags: [],
    strict: true,
  });
  const map = new SourceMap(doc, lineCounter);
  const diagnostics: Diagnostic[] = [];
  const report = (code: RuleDiagnosticCode, start: number, end: number, message: string) =>
    diagnostics.push({ code, severity: 'error', file, ...map.rangeAtOffset(start, end), pointer: '', message });

  for (const problem of [...doc.errors, ...doc.warnings]) {
    const code = YAML_CODES[problem.code] ?? 'yaml-syntax';
    // yaml reports an unknown tag as a warning; a tag in a data file is an error here.
    if (problem.name === 'YAMLWarning' && code !== 'custom-tag') continue;
    report(code, problem.pos[0], problem.pos[1], firstLine(problem.message));
  }
  if (diagnostics.length > 0) return { data: undefined, map, diagnostics };
  if (doc.contents === null) {
    report('empty-file', 0, 0, 'file is empty; it needs the fields of its kind');
    return { data: undefined, map, diagnostics };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), map, diagnostics };
  } catch (error) {
    report(
      'alias-limit',
      0,
      0,
      `aliases expand beyond ${MAX_ALIAS_COUNT} nodes (${firstLine((error as Error).message)})`,
    );
    return { data: undefined, map, diagnostics };
  }
}

const firstLine = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
