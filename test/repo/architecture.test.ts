import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/paths.js';

const SRC = join(REPO, 'src');

/**
 * The layers (docs/architecture.md): imports run one way, bin → cli → {audit, space, rules, format} →
 * {evaluate, roster} → domain. A layer may import its own files and any layer below it; `index`
 * (the library's entry) exports from every layer but the CLI. Type-only imports count: a type
 * import upward is the same dependency, only erased at build. An entry may name one file of a
 * layer instead of the whole layer: `browser` may use `rules/index-rules.ts` (pure indexing of
 * validated data), not the loading and parsing the rest of `rules` does.
 */
const LAYERS: Readonly<Record<string, readonly string[]>> = {
  domain: [],
  evaluate: ['domain'],
  roster: ['domain'],
  audit: ['evaluate', 'roster', 'domain'],
  space: ['evaluate', 'domain'],
  rules: ['domain'],
  format: ['domain'],
  site: ['space', 'format', 'evaluate', 'domain'],
  browser: ['site', 'space', 'format', 'evaluate', 'domain', 'rules/index-rules.ts'],
  cli: ['audit', 'space', 'rules', 'format', 'site', 'evaluate', 'roster', 'domain'],
  index: ['audit', 'space', 'rules', 'evaluate', 'roster', 'domain'],
};

/** Packages each layer may use; `node` is Node's own modules. */
const PACKAGES: Readonly<Record<string, readonly string[]>> = {
  domain: ['zod'],
  evaluate: [],
  roster: ['node', 'csv-parse'],
  audit: [],
  space: [],
  rules: ['node', 'yaml', 'zod'],
  format: ['csv-stringify'],
  site: [],
  browser: [],
  cli: ['node', 'commander', 'chalk', 'yaml'],
  index: [],
};

interface Import {
  specifier: string;
  typeOnly: boolean;
  dynamic: boolean;
}

/** Every import and re-export of a source text, type-only ones included. */
function importsOf(text: string): Import[] {
  const found: Import[] = [];
  for (const m of text.matchAll(/^\s*(import|export)\s+(type\s+)?([^;]*?)\s*from\s+'([^']+)'/gms))
    found.push({ specifier: m[4]!, typeOnly: m[2] !== undefined, dynamic: false });
  for (const m of text.matchAll(/^\s*import\s+'([^']+)'/gm))
    found.push({ specifier: m[1]!, typeOnly: false, dynamic: false });
  for (const m of text.matchAll(/\bimport\(\s*'([^']+)'\s*\)/g))
    found.push({ specifier: m[1]!, typeOnly: false, dynamic: true });
  return found;
}

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.split('\\').join('/'))
    .sort();

/** `evaluate/plan.ts` → `evaluate`; `index.ts` → `index`. */
const layerOf = (file: string): string => file.split('/')[0]!.replace(/\.ts$/, '');

/** The source file a relative specifier names, relative to src/ (`.js` in specifiers is the `.ts` file). */
const resolveFrom = (file: string, specifier: string): string =>
  relative(SRC, join(SRC, file, '..', specifier))
    .split('\\')
    .join('/')
    .replace(/\.js$/, '.ts');

const packageOf = (specifier: string): string =>
  specifier.startsWith('node:')
    ? 'node'
    : specifier.startsWith('@')
      ? specifier.split('/').slice(0, 2).join('/')
      : specifier.split('/')[0]!;

/** file → the files it imports (relative to src/). */
type ImportGraph = Map<string, string[]>;

function importGraph(root: string): ImportGraph {
  const graph: ImportGraph = new Map();
  for (const file of tsFiles(root)) {
    const text = readFileSync(join(root, file), 'utf8');
    graph.set(
      file,
      importsOf(text)
        .filter((i) => i.specifier.startsWith('.'))
        .map((i) => resolveFrom(file, i.specifier)),
    );
  }
  return graph;
}

/** Import cycles: strongly connected groups of more than one file, or a file importing itself (Tarjan). */
function cyclesOf(graph: ImportGraph): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next);
    next++;
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      group.push(w);
    } while (w !== v);
    if (group.length > 1 || (graph.get(v) ?? []).includes(v)) cycles.push(group.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return cycles;
}

/** Every import that breaks the layer table, as `from -> to` lines. */
function layerViolations(root: string): string[] {
  const out: string[] = [];
  for (const file of tsFiles(root)) {
    const layer = layerOf(file);
    const allowedLayers = LAYERS[layer];
    if (allowedLayers === undefined) {
      out.push(`${file}: '${layer}' is not a known layer`);
      continue;
    }
    for (const { specifier, typeOnly } of importsOf(readFileSync(join(root, file), 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolveFrom(file, specifier);
        const to = layerOf(target);
        if (target.startsWith('..')) out.push(`${file} -> ${specifier} (outside src/)`);
        else if (to !== layer && !allowedLayers.includes(to) && !allowedLayers.includes(target))
          out.push(`${file} -> ${target} (${layer} may not import ${to})`);
        continue;
      }
      // Types from a package cost nothing at run time.
      if (!typeOnly && !PACKAGES[layer]!.includes(packageOf(specifier)))
        out.push(`${file} -> ${specifier} (${layer} may not use this package)`);
    }
  }
  return out;
}

describe('architecture', () => {
  test('imports follow the layers, type-only imports included', () => {
    expect(layerViolations(SRC)).toEqual([]);
  });

  test('no import cycles between files, type-only imports included', () => {
    expect(cyclesOf(importGraph(SRC))).toEqual([]);
  });

  test('the checks see a planted upward import and a planted cycle', () => {
    const graph: ImportGraph = new Map([
      ['a.ts', ['b.ts']],
      ['b.ts', ['c.ts']],
      ['c.ts', ['a.ts']],
      ['d.ts', ['d.ts']],
      ['e.ts', ['a.ts']],
    ]);
    expect(cyclesOf(graph)).toEqual([['a.ts', 'b.ts', 'c.ts'], ['d.ts']]);
    expect(importsOf("import type { Decision } from '../domain/decision.js';")).toEqual([
      { specifier: '../domain/decision.js', typeOnly: true, dynamic: false },
    ]);
  });

  test('only the schema files of the domain import zod at run time', () => {
    const files = tsFiles(SRC).filter((f) => f.startsWith('domain/') && !f.startsWith('domain/schema/'));
    const offenders = files.filter((f) =>
      importsOf(readFileSync(join(SRC, f), 'utf8')).some((i) => !i.typeOnly && !i.specifier.startsWith('.')),
    );
    expect(offenders).toEqual([]);
  });

  test('the evaluator is pure: no clock, environment, console or randomness', () => {
    const offenders = tsFiles(SRC)
      .filter((f) => ['evaluate', 'domain'].includes(layerOf(f)))
      .filter((f) =>
        /\bprocess\.|\bconsole\.|Date\.now|new Date\(|Math\.random/.test(readFileSync(join(SRC, f), 'utf8')),
      );
    expect(offenders).toEqual([]);
  });

  test('csv-parse, yaml and zod stay out of what the CLI loads at start-up', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      // Static runtime imports only: `import('./heavy.js')` is the lazy door these libraries come through.
      for (const i of importsOf(readFileSync(join(SRC, file), 'utf8'))) {
        if (i.typeOnly || i.dynamic) continue;
        if (i.specifier.startsWith('.')) visit(resolveFrom(file, i.specifier));
        else packages.add(packageOf(i.specifier));
      }
    };
    visit('cli/run.ts');
    expect([...packages].filter((p) => ['csv-parse', 'yaml', 'zod'].includes(p))).toEqual([]);
  });

  test('the bin only starts the CLI', () => {
    const bin = readFileSync(join(REPO, 'bin', 'ma-check.js'), 'utf8');
    expect(bin.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//')).length).toBeLessThanOrEqual(8);
  });
});
