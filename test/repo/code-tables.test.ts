import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { withTables } from '../../scripts/code-tables.js';
import { REPO } from '../helpers/paths.js';

describe('code tables', () => {
  test('the README tables of diagnostic codes are what the code tables say (run `npm run docs`)', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    expect(withTables(readme)).toBe(readme);
  });
});
