import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, test } from 'vitest';
import { NASTY } from '../../scripts/faults/mutations.js';
import { loadRules } from '../../src/rules/load-rules.js';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';
import { MINIMAL } from '../helpers/paths.js';

// Mutations of valid rule files: validation must answer every one with located findings, never throw.
const scratch = mkdtempSync(join(tmpdir(), 'ma-check-fuzz-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));
const root = join(scratch, 'rules');
cpSync(MINIMAL, root, { recursive: true });
const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));
const originals = new Map(files.map((f) => [f, readFileSync(join(root, f), 'utf8')]));

/** One edit of a text: delete, insert, duplicate or swap lines, re-indent, or swap a word. */
const mutation = fc.oneof(
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...NASTY) }),
  fc.record({ kind: fc.constant('duplicate-line' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('swap-lines' as const), at: fc.nat(), other: fc.nat() }),
  fc.record({ kind: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
  fc.record({ kind: fc.constant('word' as const), at: fc.nat(), other: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function apply(text: string, m: Mutation): string {
  const lines = text.split('\n');
  const line = (n: number) => n % lines.length;
  switch (m.kind) {
    case 'delete': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + m.length);
    }
    case 'insert': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'duplicate-line':
      lines.splice(line(m.at), 0, lines[line(m.at)]!);
      return lines.join('\n');
    case 'swap-lines': {
      const [a, b] = [line(m.at), line(m.other)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return lines.join('\n');
    }
    case 'indent': {
      const i = line(m.at);
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + lines[i] : lines[i]!.slice(-m.by);
      return lines.join('\n');
    }
    case 'word': {
      const words = text.match(/[A-Za-z0-9/-]+/g) ?? ['x'];
      const from = words[m.at % words.length]!;
      return text.replace(from, words[m.other % words.length]!);
    }
  }
}

describe('fuzzing valid rule files', () => {
  test('validation never throws and every finding is located', () => {
    let rejected = 0;
    fc.assert(
      fc.property(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 3 }), (file, edits) => {
        const text = edits.reduce(apply, originals.get(file)!);
        writeFileSync(join(root, file), text);
        try {
          const result = loadRules({ root, cwd: root });
          for (const d of result.diagnostics) {
            if (!(d.line >= 1 && d.column >= 1 && d.endLine >= d.line && d.file.endsWith('.yaml'))) return false;
            if (d.message.includes('\n') || STACK_TRACE.test(d.message)) return false;
          }
          if (!result.ok) rejected++;
          return result.ok === !result.diagnostics.some((d) => d.severity === 'error');
        } finally {
          writeFileSync(join(root, file), originals.get(file)!);
        }
      }),
      // 100 here, to keep the suite fast; `npm run faults` runs 1,000 more through the CLI in CI,
      // special files included.
      { seed: 4242, numRuns: 100 },
    );
    // The mutations must really break files, or this test would prove nothing.
    expect(rejected).toBeGreaterThan(75);
  }, 120_000);

  test('the CLI answers mutated files with exit 0 or 1, located findings and no stack trace', async () => {
    const samples = fc.sample(fc.tuple(fc.constantFrom(...files), fc.array(mutation, { minLength: 1, maxLength: 3 })), {
      seed: 7,
      numRuns: 40,
    });
    for (const [file, edits] of samples) {
      writeFileSync(join(root, file), edits.reduce(apply, originals.get(file)!));
      try {
        const { code, stdout, stderr } = await runMain(['validate', root, '--format', 'json'], { cwd: root });
        expect([0, 1]).toContain(code);
        expect(stderr).toBe('');
        for (const d of JSON.parse(stdout).diagnostics) expect(d.line).toBeGreaterThanOrEqual(1);
      } finally {
        writeFileSync(join(root, file), originals.get(file)!);
      }
    }
  }, 120_000);
});
