import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { processIo } from './io.js';
import { main } from './main.js';

/** The bundle's entry: the real process, the package root the bin sits in, and its version. */
export async function run(packageRoot: string): Promise<number> {
  const { version } = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { version: string };
  return main(process.argv.slice(2), processIo(), { packageRoot, version });
}
