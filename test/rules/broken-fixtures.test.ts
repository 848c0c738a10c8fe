import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadRules } from '../../src/rules/load-rules.js';
import { FIXTURES, MINIMAL } from '../helpers/paths.js';

const BROKEN = join(FIXTURES, 'broken');
const scratch = mkdtempSync(join(tmpdir(), 'ma-check-broken-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Files below a folder, relative, with `/` separators. */
const filesUnder = (dir: string, prefix = ''): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? filesUnder(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );

/**
 * What a broken fixture says it must produce: `# expect: code[, code]` on the offending line
 * (markdownlint's habit), or `file:line code` rows in expect.txt for files that cannot hold comments.
 */
function expectations(folder: string): string[] {
  const found: string[] = [];
  for (const file of filesUnder(folder)) {
    const text = readFileSync(join(folder, file), 'latin1');
    if (file === 'expect.txt') {
      found.push(
        ...text
          .split('\n')
          .filter(Boolean)
          .map((row) => row.replace(/^(\S+):(\d+) (\S+)$/, '$1:$2 $3')),
      );
      continue;
    }
    text.split('\n').forEach((line, i) => {
      const marker = /# expect: (.+)$/.exec(line);
      if (marker) for (const code of marker[1]!.split(',')) found.push(`${file}:${i + 1} ${code.trim()}`);
    });
  }
  return found.sort();
}

describe('broken rule files produce the marked diagnostics, located', () => {
  test.each(readdirSync(BROKEN))('%s', (name) => {
    const folder = join(BROKEN, name);
    const root = join(scratch, name);
    cpSync(MINIMAL, root, { recursive: true });
    for (const file of filesUnder(folder)) if (file !== 'expect.txt') cpSync(join(folder, file), join(root, file));
    const result = loadRules({ root, cwd: root });
    expect(result.ok).toBe(false);
    const actual = result.diagnostics.map((d) => `${d.file}:${d.line} ${d.code}`).sort();
    expect(actual).toEqual(expectations(folder));
    for (const d of result.diagnostics) {
      expect(d.line, `${d.code} line`).toBeGreaterThanOrEqual(1);
      expect(d.column, `${d.code} column`).toBeGreaterThanOrEqual(1);
      expect(d.message).not.toMatch(/\n|at .*\(.*:\d+:\d+\)/);
    }
    expect(existsSync(folder)).toBe(true);
  });
});
