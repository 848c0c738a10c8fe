// Build: one CommonJS bundle for the CLI, lazily loaded bundles for everything that needs yaml or
// zod and for the audit (csv-parse), the ESM library, its type declarations, the validated JSON
// snapshot of rules/, and the V8 code cache of the CLI bundle (docs/design.md).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const cli = join(dist, 'cli.cjs');
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
/**
 * The bundles the bin loads: minified (less to read and compile; users never see a stack trace
 * unless DEBUG asks), ASCII only (the bin reads the CLI bundle as Latin-1), and `import()` of a
 * lazily loaded bundle written as `require`, since Node 20 scans a CommonJS file's exports on
 * `import()` (about 100 ms for heavy.cjs) and a code-cached script has no `import()` at all.
 */
const bundle = {
  ...common,
  format: 'cjs',
  minify: true,
  charset: 'ascii',
  supported: { 'dynamic-import': false },
};
/**
 * The static site's app (`ma-check site`): the evaluator and what the map needs, for the browser.
 * Only the project's own pure code may go in: an import of any package (node:*, yaml, zod,
 * commander, chalk) fails the build instead of being bundled.
 */
const ownCodeOnly = {
  name: 'own-code-only',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.kind === 'entry-point'
        ? undefined
        : { errors: [{ text: `the site app may not import '${args.path}' (from ${args.importer})` }] },
    );
  },
};
const siteApp = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  charset: 'ascii',
  legalComments: 'none',
  logLevel: 'warning',
  plugins: [ownCodeOnly],
};
await Promise.all([
  build({ ...siteApp, entryPoints: [join(root, 'src/browser/main.ts')], outfile: join(dist, 'site-app.js') }),
  buildCli(),
  build({ ...bundle, entryPoints: [join(root, 'src/cli/start/load-cli.ts')], outfile: join(dist, 'load-cli.cjs') }),
  build({ ...bundle, entryPoints: [join(root, 'src/cli/heavy.ts')], outfile: join(dist, 'heavy.cjs') }),
  build({
    ...bundle,
    entryPoints: [join(root, 'src/cli/audit-heavy.ts')],
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

/**
 * The CLI bundle, its first line naming what it holds (`// ma-check cli <sha256 of the rest>`): the
 * code cache starts with the same line, so the bin never applies a cache made for other code.
 */
async function buildCli() {
  const [output] = (
    await build({
      ...bundle,
      entryPoints: [join(root, 'src/cli/run.ts')],
      outfile: cli,
      write: false,
      plugins: [heavyIsExternal],
    })
  ).outputFiles;
  const id = `// ma-check cli ${createHash('sha256').update(output.contents).digest('hex')}`;
  writeFileSync(cli, `${id}\n${output.text}`);
}

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
const snapshot = await heavy.createSnapshot(rulesDir, result.ruleSet.data, result.ruleSet.digest);
const target = join(dist, 'rules.snapshot.json');
writeFileSync(`${target}.tmp`, heavy.snapshotText(snapshot));
renameSync(`${target}.tmp`, target);

// The code cache of the CLI bundle, compiled as the bin compiles it (dist/load-cli.cjs) and run on
// the commands people time, so that the functions they call are in the cache too. Their output
// goes nowhere.
const silent = {
  out() {},
  err() {},
  stdoutIsTTY: false,
  stderrIsTTY: false,
  env: {},
  cwd: root,
  today: () => '2026-11-25',
  settled: async () => undefined,
};
const WARM_UP = [
  ['iv-insertion', '--state', 'AK', '--cert', 'CMA'],
  ['iv-insertion', '--state', 'AK', '--cert', 'CMA', '--format', 'json'],
  ['tasks'],
  ['state', 'WA'],
];
const { writeCliCache } = createRequire(import.meta.url)(join(dist, 'load-cli.cjs'));
await writeCliCache(
  root,
  async (cli) => {
    for (const argv of WARM_UP) await cli.run(root, argv, silent);
  },
  (path, data) => {
    writeFileSync(`${path}.tmp`, data);
    renameSync(`${path}.tmp`, path);
  },
);

// `--no-types` skips the declarations (a few seconds of tsc): the tests' global setup needs only the bundles.
if (!process.argv.includes('--no-types'))
  execFileSync(
    process.execPath,
    [join(root, 'node_modules/typescript/bin/tsc'), '-p', join(root, 'tsconfig.build.json')],
    { stdio: 'inherit' },
  );
