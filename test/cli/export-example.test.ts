import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runMain } from '../helpers/memory-io.js';
import { REPO } from '../helpers/paths.js';

const SCRIPT = join(REPO, 'scripts', 'dataset-example.py');
/** The Python CI installs Debian's pandas into (.ci/run). */
const PYTHON = '/usr/bin/python3';

/** The fenced python blocks of the README's `export` section. */
function readmePythonBlocks(): string[] {
  const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
  const section = readme.split(/^### `export`: an open dataset$/m)[1]?.split(/^#{2,3} /m)[0] ?? '';
  return [...section.matchAll(/^```python\n([\s\S]*?)^```$/gm)].map((m) => m[1]!);
}

const pandas = spawnSync(PYTHON, ['-c', 'import pandas'], { encoding: 'utf8' });
const noPandas =
  pandas.error !== undefined
    ? `${PYTHON} cannot run (${pandas.error.message})`
    : pandas.status !== 0
      ? `${PYTHON} has no pandas (apt-get install python3-pandas)`
      : '';

describe('the pandas example of the README', () => {
  test('the README shows scripts/dataset-example.py as it is', () => {
    expect(readmePythonBlocks()).toEqual([readFileSync(SCRIPT, 'utf8')]);
  });

  test.skipIf(noPandas !== '')(
    `runs as written on an export of its task${noPandas ? ` (skipped: ${noPandas})` : ''}`,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'ma-check-example-'));
      try {
        // The example asks about IM injections only: the rows of that task are the same in the whole space.
        const run = await runMain(['export', '--out', dir, '--as-of', '2026-12-07', '--tasks', 'im-injection']);
        expect(run.code, run.stderr).toBe(0);
        const python = spawnSync(PYTHON, [SCRIPT, dir], { encoding: 'utf8' });
        expect(python.stderr).toBe('');
        expect(python.status).toBe(0);
        expect(python.stdout).toMatch(/^\d+ of 51 jurisdictions: allowed or conditional\n/);
        expect(python.stdout).toMatch(/^prohibited in: [A-Z ]*$/m);
        expect(python.stdout).toMatch(/^left to verify most often: \{'condition:/m);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  );
});
