import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCHEMA_KINDS } from '../../src/domain/schema-kinds.js';
import { jsonSchemaOf } from '../../src/rules/json-schema.js';
import { REPO } from '../helpers/paths.js';

describe('editor schemas', () => {
  test.each([...SCHEMA_KINDS])('schema/%s.schema.json matches the zod schema (run `npm run schemas` after a change)', (kind) => {
    const committed = JSON.parse(readFileSync(join(REPO, 'schema', `${kind}.schema.json`), 'utf8'));
    expect(committed).toEqual(jsonSchemaOf(kind));
    expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
  });
});
