import {
  Composer,
  type Document,
  type DocumentOptions,
  LineCounter,
  type ParseOptions,
  Parser,
  type SchemaOptions,
  YAMLParseError,
} from 'yaml';
import type { Diagnostic } from '../domain/diagnostic.js';
import type { RuleDiagnosticCode } from '../domain/diagnostic-codes.js';
import { findAliasProblem, MAX_ALIAS_NODES } from './aliases.js';
import { findDeepNesting, MAX_NESTING } from './nesting-depth.js';
import { type Range, SourceMap } from './source-map.js';
import { exceedsTokenBudget, MAX_YAML_TOKENS } from './token-budget.js';

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

/** Data only: YAML 1.2 core schema, no custom tags, unique keys, strict. */
const OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  prettyErrors: false,
  uniqueKeys: true,
  schema: 'core',
  customTags: [],
  strict: true,
};

/**
 * Parses one file as data only: YAML 1.2 core schema, no custom tags, unique keys, bounded nesting
 * and aliases. Positions come from the parser's own node ranges through a LineCounter.
 *
 * This is `yaml`'s `parseDocument` in its two steps: the parser (iterative) makes the token tree,
 * whose depth is checked before the composer (recursive) builds nodes from it, so deep nesting is
 * a located finding instead of a stack overflow.
 */
export function parseYaml(file: string, text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  /** A file refused before it is composed: no node tree, one finding. */
  const refused = (code: RuleDiagnosticCode, at: (map: SourceMap) => Range, message: string): ParsedYaml => {
    const map = new SourceMap(undefined, lineCounter);
    return { data: undefined, map, diagnostics: [{ code, severity: 'error', file, ...at(map), pointer: '', message }] };
  };
  // Nothing was parsed yet, so the line counter knows no lines: the finding is about the whole file.
  if (exceedsTokenBudget(text))
    return refused(
      'file-too-large',
      () => ({ line: 1, column: 1, endLine: 1, endColumn: 1 }),
      `file holds more than ${MAX_YAML_TOKENS} YAML tokens (keys, values, punctuation); rule files are far smaller`,
    );
  const tokens = Array.from(new Parser(lineCounter.addNewLine).parse(text));
  const deep = findDeepNesting(tokens);
  if (deep !== undefined)
    return refused(
      'nesting-limit',
      (map) => map.rangeAtOffset(deep),
      `lists and maps are nested deeper than ${MAX_NESTING} levels here; rule files are flat data`,
    );

  const doc = composeOne(tokens, text.length);
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
  // Every alias is written with a `*`: a file without one has no alias to walk the tree for.
  const aliasProblem = text.includes('*') ? findAliasProblem(doc) : undefined;
  if (aliasProblem) {
    const [start, end] = aliasProblem.alias.range ?? [0, 0];
    report(aliasProblem.code, start, end, aliasProblem.message);
    return { data: undefined, map, diagnostics };
  }
  try {
    // yaml's own alias limit stays as a second guard; findAliasProblem is the stricter of the two.
    return { data: doc.toJS({ maxAliasCount: 10 * MAX_ALIAS_NODES }), map, diagnostics };
  } catch (error) {
    report('alias-limit', 0, 0, `aliases expand too far (${firstLine((error as Error).message)})`);
    return { data: undefined, map, diagnostics };
  }
}

/** The one document of a token stream, as `parseDocument` composes it: a second one is an error. */
function composeOne(tokens: Parameters<Composer['compose']>[0], length: number): Document.Parsed {
  const composer = new Composer(OPTIONS);
  let doc: Document.Parsed | undefined;
  for (const next of composer.compose(tokens, true, length)) {
    if (!doc) {
      doc = next;
      continue;
    }
    // The same error `parseDocument` gives: the caller reports it as `multiple-documents`.
    const [start, end] = next.range;
    doc.errors.push(new YAMLParseError([start, end], 'MULTIPLE_DOCS', 'the file holds more than one YAML document'));
    break;
  }
  return doc!;
}

const firstLine = (message: string): string => message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
