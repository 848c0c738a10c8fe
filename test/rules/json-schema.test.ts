import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { SCHEMA_KINDS } from '../../src/domain/schema-kinds.js';
import { jsonSchemaOf } from '../../src/rules/json-schema.js';
import { REPO } from '../helpers/paths.js';

describe('editor schemas', () => {
  test.each([...SCHEMA_KINDS])(
    'schema/%s.schema.json matches the zod schema (run `npm run schemas` after a change)',
    (kind) => {
      const committed = JSON.parse(readFileSync(join(REPO, 'schema', `${kind}.schema.json`), 'utf8'));
      expect(committed).toEqual(jsonSchemaOf(kind));
      expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    },
  );
});

describe('the roster schema', () => {
  test('accepts the JSON roster fixture and refuses a field of the wrong type', async () => {
    const { RosterFile } = await import('../../src/domain/schema/roster-file.js');
    const roster = JSON.parse(readFileSync(join(REPO, 'test', 'fixtures', 'rosters', 'roster.json'), 'utf8'));
    expect(RosterFile.safeParse(roster).success).toBe(true);
    expect(RosterFile.safeParse([{ staff_id: 'A-9', tasks: 5 }]).success).toBe(false);
  });
});
