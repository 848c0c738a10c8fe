import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { TestProject } from 'vitest/node';
import { REPO } from './helpers/paths.js';

/** What the build makes: the bundles the bin runs and the snapshot the CLI answers from. */
const OUTPUTS = [
  'load-cli.cjs',
  'cli.cjs',
  'cli.cjs.cache',
  'heavy.cjs',
  'audit-heavy.cjs',
  'index.js',
  'site-app.js',
  'rules.snapshot.json',
].map((f) => join(REPO, 'dist', f));
/** What the build reads. Folders count too: adding, removing or renaming a file changes its folder's mtime. */
const INPUTS = ['src', 'rules', 'scripts/build.mjs', 'package.json', 'package-lock.json'].map((f) => join(REPO, f));

/** The newest path at or below `path`, with its mtime. */
function newest(path: string): { path: string; mtimeMs: number } {
  const info = statSync(path, { throwIfNoEntry: false });
  if (info === undefined) return { path, mtimeMs: 0 };
  let found = { path, mtimeMs: info.mtimeMs };
  if (info.isDirectory())
    for (const name of readdirSync(path)) {
      const inner = newest(join(path, name));
      if (inner.mtimeMs > found.mtimeMs) found = inner;
    }
  return found;
}

/** Why dist/ must be rebuilt, or undefined when every output is newer than every input. */
function staleness(): string | undefined {
  let oldest = Number.POSITIVE_INFINITY;
  for (const output of OUTPUTS) {
    const info = statSync(output, { throwIfNoEntry: false });
    if (info === undefined) return `${relative(REPO, output)} is missing`;
    oldest = Math.min(oldest, info.mtimeMs);
  }
  for (const input of INPUTS) {
    const changed = newest(input);
    if (changed.mtimeMs > oldest) return `${relative(REPO, changed.path)} changed after the last build`;
  }
  return undefined;
}

/** Builds dist/ when it is missing or older than what it is built from. */
function buildIfStale(): void {
  const reason = staleness();
  if (reason === undefined) return;
  process.stderr.write(`global setup: building dist/ (${reason})\n`);
  execFileSync(process.execPath, [join(REPO, 'scripts', 'build.mjs'), '--no-types'], { cwd: REPO, stdio: 'inherit' });
}

/**
 * Builds dist/ before any test file runs, and again before each rerun in watch mode, only when it is
 * missing or stale, so that `npx vitest` never tests an old bundle or snapshot. The declarations are
 * skipped (`--no-types`): no test reads them, and `npm run typecheck` checks the types.
 */
export default function setup(project: TestProject): void {
  buildIfStale();
  project.onTestsRerun(() => buildIfStale());
}
