import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type InThread, VALIDATE_WORKER, validateTargets } from '../../src/rules/validate-targets.js';
import { FIXTURES, MINIMAL, REPO } from '../helpers/paths.js';

const scratch = mkdtempSync(join(tmpdir(), 'ma-check-validate-targets-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The built heavy bundle (the tests' global setup builds dist/ from these sources). */
const HEAVY = join(REPO, 'dist', 'heavy.cjs');
const options = { cwd: REPO, lint: { today: '2026-11-25', maxAgeMonths: 24 } };

/** The minimal rule set with a broken fixture's files over it. */
function broken(name: string): string {
  const root = join(scratch, name);
  cpSync(MINIMAL, root, { recursive: true });
  cpSync(join(FIXTURES, 'broken', name), root, { recursive: true });
  return root;
}
const full = (dir: string) => ({ dir, root: dir, overlays: [] });
const TARGETS = [
  full(MINIMAL),
  {
    dir: join(FIXTURES, 'overlays', 'broken-policy'),
    root: MINIMAL,
    overlays: [join(FIXTURES, 'overlays', 'broken-policy')],
  },
  full(broken('unknown-reference')),
  full(broken('duplicate-id')),
  full(join(scratch, 'no-such-folder')),
];

/** Validates the targets, counting how often the in-thread fallback was loaded. */
async function run(script: string | undefined) {
  let loads = 0;
  const inThread = async (): Promise<InThread> => {
    loads++;
    return import('../../src/cli/heavy.js');
  };
  const found = [];
  for await (const findings of validateTargets(TARGETS, options, inThread, script)) found.push(findings);
  return { found, loads };
}

describe('validate runs in a worker thread, and never depends on it', () => {
  /** What validating every target in this thread finds: what each way below must find too. */
  let here: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    here = await run(undefined);
  });

  test('the worker finds what validating in this thread finds, target by target, and this thread loads no yaml', async () => {
    expect(here.loads).toBe(1);
    expect(here.found.map((f) => f.target)).toEqual(TARGETS);
    expect(here.found.at(-1)).toMatchObject({ missing: join(scratch, 'no-such-folder'), reason: 'no such folder' });
    expect(here.found.slice(2, 4).every((f) => f.missing === undefined && f.diagnostics.length > 0)).toBe(true);
    const worker = await run(HEAVY);
    expect(worker.loads).toBe(0);
    expect(worker.found).toEqual(here.found);
  });

  test('a worker that cannot start, or stops early, leaves the targets it did not answer to this thread', async () => {
    const missing = await run(join(scratch, 'no-such-script.cjs'));
    expect(missing.loads).toBe(1);
    expect(missing.found).toEqual(here.found);
    // A worker that answers the first target (with a finding of its own) and then dies.
    const dying = join(scratch, 'dying-worker.cjs');
    writeFileSync(
      dying,
      `const { parentPort, workerData } = require('node:worker_threads');
if (!workerData[${JSON.stringify(VALIDATE_WORKER)}]) throw new Error('no order');
parentPort.postMessage({ index: 0, findings: { diagnostics: [], files: ['from the worker'] } });
process.exit(1);
`,
    );
    const early = await run(dying);
    expect(early.loads).toBe(1);
    expect(early.found[0]).toEqual({ target: TARGETS[0], diagnostics: [], files: ['from the worker'] });
    expect(early.found.slice(1)).toEqual(here.found.slice(1));
  });
});
