import { readFileSync, readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/domain/diagnostic-codes.js';
import { REPO, SHIPPED_RULES } from '../helpers/paths.js';

const yamlFiles = readdirSync(SHIPPED_RULES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));

describe('rule files and docs', () => {
  test.each(yamlFiles)('rules/%s starts with the editor schema line, pointing at a schema that exists', (file) => {
    const first = readFileSync(join(SHIPPED_RULES, file), 'utf8').split('\n')[0]!;
    const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(match, first).not.toBeNull();
    const schema = join(SHIPPED_RULES, file, '..', match![1]!);
    expect(relative(REPO, schema)).toMatch(/^schema\/[a-z-]+\.schema\.json$/);
    expect(() => readFileSync(schema)).not.toThrow();
  });

  test('the README documents every diagnostic code', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });
});
