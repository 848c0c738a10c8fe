// The README's tables of diagnostic codes, generated from the code tables in src/domain.
// `npm run docs` rewrites them in place; test/repo/code-tables.test.ts fails when they drift.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DIAGNOSTIC_CODES } from '../src/domain/diagnostic-codes.js';
import { ROSTER_DIAGNOSTIC_CODES } from '../src/domain/roster-codes.js';
import { codeTableMarkdown } from '../src/format/code-table.js';

/** Each generated block of the README: its marker name and its content. */
export const GENERATED_TABLES: Readonly<Record<string, string>> = {
  'rule-errors': codeTableMarkdown(DIAGNOSTIC_CODES, 'error'),
  'rule-warnings': codeTableMarkdown(DIAGNOSTIC_CODES, 'warning'),
  'roster-errors': codeTableMarkdown(ROSTER_DIAGNOSTIC_CODES, 'error'),
};

const block = (name: string) =>
  new RegExp(`(<!-- generated:${name} -->\\n)(?:[\\s\\S]*?\\n)?(<!-- /generated:${name} -->)`);

/** The README with every generated block replaced by what the tables say now. */
export function withTables(readme: string): string {
  let out = readme;
  for (const [name, table] of Object.entries(GENERATED_TABLES)) {
    if (!block(name).test(out)) throw new Error(`README.md has no <!-- generated:${name} --> block`);
    out = out.replace(block(name), (_all, start: string, end: string) => `${start}${table}\n${end}`);
  }
  return out;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const path = fileURLToPath(new URL('../README.md', import.meta.url));
  writeFileSync(path, withTables(readFileSync(path, 'utf8')));
}
