import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, test } from 'vitest';
import { DIAGNOSTIC_CODES } from '../../src/domain/diagnostic-codes.js';
import { REPO, SHIPPED_RULES } from '../helpers/paths.js';

const yamlFiles = readdirSync(SHIPPED_RULES, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.yaml'));

describe('rule files and docs', () => {
  // One table test: every file is checked, and a failure names every file that fails.
  test('every rules/ file starts with the editor schema line, pointing at a schema that exists', () => {
    expect(yamlFiles.length).toBeGreaterThan(100);
    const failed = yamlFiles.flatMap((file) => {
      const first = readFileSync(join(SHIPPED_RULES, file), 'utf8').split('\n')[0]!;
      const match = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
      if (!match) return [`rules/${file}: first line is ${JSON.stringify(first)}`];
      const schema = join(SHIPPED_RULES, file, '..', match[1]!);
      if (!/^schema\/[a-z-]+\.schema\.json$/.test(relative(REPO, schema).split(sep).join('/')))
        return [`rules/${file}: ${match[1]} is not a file in schema/`];
      if (!existsSync(schema)) return [`rules/${file}: ${match[1]} does not exist`];
      return [];
    });
    expect(failed.join('\n'), `${failed.length} of ${yamlFiles.length} files`).toBe('');
  });

  test('the README documents every diagnostic code', () => {
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    for (const code of Object.keys(DIAGNOSTIC_CODES)) expect(readme, code).toContain(`\`${code}\``);
  });
});
