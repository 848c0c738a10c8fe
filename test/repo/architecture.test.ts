import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPO } from '../helpers/paths.js';

const SRC = join(REPO, 'src');

const tsFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? tsFiles(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Runtime imports of a file (type-only imports are erased and do not count). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/^\s*(import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)].map((m) => m[2]!);
  const dynamic = [...text.matchAll(/import\('([^']+)'\)/g)].map((m) => m[1]!);
  return [...specifiers, ...dynamic];
}

/** The folder under src/ that an import lands in, or the package name. */
function target(file: string, specifier: string): string {
  if (!specifier.startsWith('.')) return specifier.startsWith('node:') ? 'node' : specifier.split('/')[0]!;
  const resolved = relative(SRC, join(file, '..', specifier));
  return resolved.startsWith('..') ? 'outside' : resolved.split('/')[0]!.replace(/\.js$/, '');
}

// The layer boundaries (DESIGN §7): imports run one way, bin → cli → rules/evaluate/format → domain.
const ALLOWED: Record<string, string[]> = {
  domain: ['domain', 'zod'],
  evaluate: ['domain', 'evaluate'],
  format: ['domain', 'format', 'csv-stringify'],
  rules: ['domain', 'rules', 'node', 'yaml', 'zod'],
  roster: ['domain', 'roster', 'node', 'csv-parse'],
  cli: ['cli', 'domain', 'evaluate', 'format', 'rules', 'roster', 'node', 'commander', 'chalk', 'yaml'],
  index: ['domain', 'evaluate', 'rules', 'roster'],
};

describe('architecture', () => {
  const files = tsFiles(SRC);
  test.each(files.map((f) => relative(SRC, f)))('%s imports only what its layer may', (name) => {
    const file = join(SRC, name);
    const layer = name.split('/')[0]!.replace(/\.ts$/, '');
    for (const specifier of runtimeImports(file)) {
      expect(ALLOWED[layer], `${name} imports ${specifier}`).toContain(target(file, specifier));
    }
  });

  test('only the schema files of the domain import zod at run time', () => {
    for (const file of files.filter(
      (f) => relative(SRC, f).startsWith('domain/') && !relative(SRC, f).startsWith('domain/schema/'),
    )) {
      expect(
        runtimeImports(file).filter((s) => !s.startsWith('.')),
        relative(SRC, file),
      ).toEqual([]);
    }
  });

  test('the evaluator is pure: no clock, environment, console or randomness', () => {
    for (const file of files.filter((f) => relative(SRC, f).startsWith('evaluate/'))) {
      const text = readFileSync(file, 'utf8');
      expect(text, relative(SRC, file)).not.toMatch(/\bprocess\.|\bconsole\.|Date\.now|new Date\(|Math\.random/);
    }
  });

  test('csv-parse, yaml and zod stay out of what the CLI loads at start-up (DESIGN §9)', () => {
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      // Static imports only: `import('./heavy.js')` is the lazy door these libraries come through.
      for (const m of text.matchAll(/^\s*(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)'/gms)) {
        const specifier = m[1]!;
        if (specifier.startsWith('.')) visit(join(file, '..', specifier.replace(/\.js$/, '.ts')));
        else packages.add(specifier.split('/')[0]!);
      }
    };
    visit(join(SRC, 'cli', 'run.ts'));
    expect([...packages].filter((p) => ['csv-parse', 'yaml', 'zod'].includes(p))).toEqual([]);
  });

  test('the bin only starts the CLI', () => {
    const bin = readFileSync(join(REPO, 'bin', 'ma-check.js'), 'utf8');
    expect(bin.split('\n').filter((l) => l.trim() && !l.trim().startsWith('//')).length).toBeLessThanOrEqual(8);
  });
});
