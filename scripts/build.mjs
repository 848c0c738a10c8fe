// Build: one CommonJS bundle for the CLI, lazily loaded bundles for everything that needs yaml or
// zod and for the audit (csv-parse), the ESM library, its type declarations, and the
// validated JSON snapshot of rules/.
import { execFileSync } from 'node:child_process';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

/** `import('./heavy.js')` and `import('./audit-heavy.js')` in the sources become runtime requires of the separate bundles. */
const heavyIsExternal = {
  name: 'heavy-is-external',
  setup(b) {
    b.onResolve({ filter: /(^|\/)heavy\.js$/ }, () => ({ path: './heavy.cjs', external: true }));
    b.onResolve({ filter: /(^|\/)audit-heavy\.js$/ }, () => ({ path: './audit-heavy.cjs', external: true }));
  },
};

const common = { bundle: true, platform: 'node', target: 'node20', logLevel: 'warning', legalComments: 'none' };
await Promise.all([
  build({
    ...common,
    entryPoints: [join(root, 'src/cli/run.ts')],
    format: 'cjs',
    outfile: join(dist, 'cli.cjs'),
    plugins: [heavyIsExternal],
  }),
  build({ ...common, entryPoints: [join(root, 'src/cli/heavy.ts')], format: 'cjs', outfile: join(dist, 'heavy.cjs') }),
  build({
    ...common,
    entryPoints: [join(root, 'src/cli/audit-heavy.ts')],
    format: 'cjs',
    outfile: join(dist, 'audit-heavy.cjs'),
    plugins: [heavyIsExternal],
  }),
  build({
    ...common,
    entryPoints: [join(root, 'src/index.ts')],
    format: 'esm',
    outfile: join(dist, 'index.js'),
    packages: 'external',
  }),
]);

// The snapshot is written only from rules that load without a single error.
const heavy = createRequire(import.meta.url)(join(dist, 'heavy.cjs'));
const rulesDir = join(root, 'rules');
const result = heavy.loadRules({ root: rulesDir, cwd: root });
if (!result.ok) {
  for (const d of result.diagnostics)
    console.error(`${d.file}:${d.line}:${d.column}  ${d.severity}  ${d.message}  ${d.code}`);
  console.error(
    result.missing
      ? `build: no rules folder at ${result.missing}`
      : 'build: the rules have errors; no snapshot written',
  );
  process.exit(1);
}
const snapshot = heavy.createSnapshot(rulesDir, result.ruleSet.data, result.ruleSet.digest);
const target = join(dist, 'rules.snapshot.json');
writeFileSync(`${target}.tmp`, JSON.stringify(snapshot));
renameSync(`${target}.tmp`, target);

// `--no-types` skips the declarations (a few seconds of tsc): the tests' global setup needs only the bundles.
if (!process.argv.includes('--no-types'))
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
