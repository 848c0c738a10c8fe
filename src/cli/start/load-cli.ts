import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import type { run } from '../run.js';

/** What the CLI bundle (dist/cli.cjs, built from src/cli/run.ts) exports. */
export interface CliBundle {
  run: typeof run;
}

/** The CLI bundle of a package root, and the V8 code cache the build writes beside it. */
export const cliBundle = (root: string): string => join(root, 'dist', 'cli.cjs');
const cacheOf = (bundle: string): string => `${bundle}.cache`;

/**
 * The bundle's first line, `// ma-check cli <sha256 of the rest>` (scripts/build.mjs), which names
 * its content. The code cache starts with the same line: a cache made for other code is never used.
 */
const firstLine = (text: string): string => text.slice(0, text.indexOf('\n') + 1);

/** The bundle compiled as Node compiles a CommonJS file, with the same wrapper at build and at start. */
function compile(bundle: string, text: string, cachedData?: Buffer): { script: Script; exports: CliBundle } {
  const script = new Script(`(function (exports, require, module, __filename, __dirname) { ${text}\n});`, {
    filename: bundle,
    cachedData,
  });
  const module = { exports: {} as CliBundle };
  script.runInThisContext()(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return { script, exports: module.exports };
}

/**
 * The CLI bundle, compiled from its code cache so that a check compiles next to nothing. Without
 * a cache, or with one made for another bundle, it is required as usual; V8 itself refuses a cache
 * made by another Node version or with other flags, and the bundle then compiles as without one.
 */
export function loadCli(root: string): CliBundle {
  const bundle = cliBundle(root);
  let cache: Buffer;
  try {
    cache = readFileSync(cacheOf(bundle));
  } catch {
    return createRequire(bundle)(bundle) as CliBundle;
  }
  // Latin-1: the bundle is ASCII (esbuild's `charset: 'ascii'`), and Latin-1 is the fastest to decode.
  const text = readFileSync(bundle, 'latin1');
  const id = firstLine(text);
  if (id === '' || cache.toString('latin1', 0, id.length) !== id) return createRequire(bundle)(bundle) as CliBundle;
  return compile(bundle, text, cache.subarray(id.length)).exports;
}

/**
 * Writes the code cache of a root's CLI bundle (the build does): the bundle is compiled, `warmUp`
 * runs the commands people time through it so the functions they call are compiled too, and the
 * cache then holds them all.
 */
export async function writeCliCache(
  root: string,
  warmUp: (cli: CliBundle) => Promise<void>,
  write: (path: string, data: Buffer) => void,
): Promise<void> {
  const bundle = cliBundle(root);
  const text = readFileSync(bundle, 'latin1');
  const { script, exports } = compile(bundle, text);
  await warmUp(exports);
  write(cacheOf(bundle), Buffer.concat([Buffer.from(firstLine(text), 'latin1'), script.createCachedData()]));
}
