import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROSTER_DIAGNOSTIC_CODES } from '../../src/domain/roster-codes.js';
import { REPO } from '../helpers/paths.js';

const readme = readFileSync(join(REPO, 'README.md'), 'utf8');

/** Every `code: '…'` (and `code = '…'`) the roster readers and the audit write. */
function codesInSource(): string[] {
  const files = [
    ...readdirSync(join(REPO, 'src', 'roster')).map((f) => join(REPO, 'src', 'roster', f)),
    ...['auditor.ts', 'roster-reader.ts', 'roster-entry.ts'].map((f) => join(REPO, 'src', 'evaluate', f)),
  ];
  const codes = new Set<string>();
  for (const file of files)
    for (const m of readFileSync(file, 'utf8').matchAll(/code(?::|\s*=)\s*'([a-z-]+)'/g)) codes.add(m[1]!);
  return [...codes].sort();
}

describe('roster diagnostics', () => {
  test('the README documents every roster diagnostic code', () => {
    for (const code of Object.keys(ROSTER_DIAGNOSTIC_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });

  test('every code the readers and the audit write is documented', () => {
    const codes = codesInSource();
    expect(codes.length).toBeGreaterThan(5);
    for (const code of codes) expect(readme, code).toContain(`\`${code}\``);
  });
});
