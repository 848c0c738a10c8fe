// Seeded mutations of a copy of a rules folder: edits of a file's text, and files replaced by what a
// rules folder should never hold (special files, links, huge or deeply nested documents).

import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A small, fast, seedable generator (mulberry32): the same seed gives the same run everywhere. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Characters and fragments that break YAML in interesting ways; the fuzz test uses them too. */
export const NASTY = [
  ':',
  '-',
  ' ',
  '\t',
  '\n',
  '\r\n',
  '[',
  ']',
  '{',
  '}',
  '&a',
  '*a',
  '!!js/function',
  '#',
  '"',
  "'",
  '|',
  '>',
  '%',
  '@',
  '`',
  '\u0000',
  '\uFEFF',
  'é',
  '~',
  '? ',
  '<<: *a',
  '---',
  '...',
];

/** What replaces a file instead of an edit of its text. */
export const SPECIAL_KINDS = [
  'fifo',
  'link-to-dev-zero',
  'link-to-folder',
  'dangling-link',
  'folder-named-like-the-file',
  'empty',
  'binary',
  'huge',
  'deep-nesting',
  'alias-bomb',
  'unreadable',
] as const;
export type SpecialKind = (typeof SPECIAL_KINDS)[number];

/** One edit of a text: delete, insert, duplicate or swap lines, re-indent, or swap a word. */
export function editText(text: string, next: () => number): { text: string; what: string } {
  const pick = (n: number) => Math.floor(next() * n);
  const lines = text.split('\n');
  switch (pick(6)) {
    case 0: {
      const at = pick(text.length + 1);
      const length = 1 + pick(12);
      return { text: text.slice(0, at) + text.slice(at + length), what: `delete ${length} at ${at}` };
    }
    case 1: {
      const at = pick(text.length + 1);
      const piece = NASTY[pick(NASTY.length)]!;
      return { text: text.slice(0, at) + piece + text.slice(at), what: `insert ${JSON.stringify(piece)} at ${at}` };
    }
    case 2: {
      const at = pick(lines.length);
      lines.splice(at, 0, lines[at]!);
      return { text: lines.join('\n'), what: `duplicate line ${at + 1}` };
    }
    case 3: {
      const [a, b] = [pick(lines.length), pick(lines.length)];
      [lines[a], lines[b]] = [lines[b]!, lines[a]!];
      return { text: lines.join('\n'), what: `swap lines ${a + 1} and ${b + 1}` };
    }
    case 4: {
      const at = pick(lines.length);
      const by = pick(9) - 4;
      lines[at] = by >= 0 ? ' '.repeat(by) + lines[at] : lines[at]!.slice(-by);
      return { text: lines.join('\n'), what: `indent line ${at + 1} by ${by}` };
    }
    default: {
      const words = text.match(/[A-Za-z0-9/-]+/g) ?? ['x'];
      const [from, to] = [words[pick(words.length)]!, words[pick(words.length)]!];
      return { text: text.replace(from, to), what: `replace '${from}' by '${to}'` };
    }
  }
}

/** Puts `kind` where the file at `path` was. Returns false where this platform cannot make it. */
export function replaceWithSpecial(path: string, kind: SpecialKind): boolean {
  rmSync(path, { force: true, recursive: true });
  switch (kind) {
    case 'fifo':
      if (process.platform === 'win32') return false;
      execFileSync('mkfifo', [path]);
      return true;
    case 'link-to-dev-zero':
      if (process.platform === 'win32') return false;
      symlinkSync('/dev/zero', path);
      return true;
    case 'link-to-folder':
      symlinkSync(join(path, '..'), path);
      return true;
    case 'dangling-link':
      symlinkSync(join(path, '..', 'no-such-file.yaml'), path);
      return true;
    case 'folder-named-like-the-file':
      mkdirSync(path);
      return true;
    case 'empty':
      writeFileSync(path, '');
      return true;
    case 'binary':
      writeFileSync(path, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0xff, 0xfe, 0x00, 0x01]));
      return true;
    case 'huge':
      // 20 MB of one long YAML sequence: bigger than any rule file should be.
      writeFileSync(path, `items:\n${'  - x\n'.repeat(3_500_000)}`);
      return true;
    case 'deep-nesting':
      writeFileSync(path, `${'['.repeat(5_000)}${']'.repeat(5_000)}\n`);
      return true;
    case 'alias-bomb': {
      const lines = ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
      for (let i = 1; i < 12; i++)
        lines.push(
          `a${i}: &a${i} [${Array(10)
            .fill(`*a${i - 1}`)
            .join(', ')}]`,
        );
      writeFileSync(path, `${lines.join('\n')}\n`);
      return true;
    }
    case 'unreadable':
      writeFileSync(path, 'id: x\n');
      chmodSync(path, 0o000);
      return true;
  }
}
