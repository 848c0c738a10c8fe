import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import {
  AUDIT_REPORT_SCHEMA_NAMES,
  AuditJsonReport,
  AuditNdjsonRecord,
  auditReportJsonSchema,
} from '../../src/domain/schema/audit-report.js';
import { AUDIT_SCHEMA_VERSION } from '../../src/format/audit-formats.js';
import { runMain } from '../helpers/memory-io.js';
import { REPO } from '../helpers/paths.js';

const audit = async (args: string[]) => (await runMain(['audit', ...args, '--as-of', '2026-11-25'])).stdout;
const ROSTERS = ['test/fixtures/rosters/invalid.csv', 'test/fixtures/rosters/broken.ndjson', 'examples/roster.csv'];
const ASSIGNED = ['test/fixtures/rosters/staff.csv', '--assignments', 'test/fixtures/rosters/assignments.csv'];

describe('the audit report schemas (audit schemaVersion 2)', () => {
  test.each(AUDIT_REPORT_SCHEMA_NAMES)(
    'schema/%s.schema.json matches the zod schema (run `npm run schemas` after a change)',
    (name) => {
      const committed = JSON.parse(readFileSync(join(REPO, 'schema', `${name}.schema.json`), 'utf8'));
      expect(committed).toEqual(auditReportJsonSchema(name));
      expect(committed.$schema).toBe('http://json-schema.org/draft-07/schema#');
    },
  );

  test('the version the writers print is the version the schemas describe', () => {
    expect(AUDIT_SCHEMA_VERSION).toBe(2);
    expect(AuditJsonReport.shape.schemaVersion.value).toBe(AUDIT_SCHEMA_VERSION);
  });

  test('every JSON report holds to the report schema: decisions by id or inside items, redacted, with --assignments, from stdin', async () => {
    const runs = [
      ...ROSTERS.map((r) => [r]),
      [ROSTERS[0]!, '--detail', 'full'],
      [ROSTERS[2]!, '--redact', '--pretty'],
      [ROSTERS[2]!, '--only', 'prohibited'],
      ASSIGNED,
    ];
    for (const args of runs) {
      const result = AuditJsonReport.safeParse(JSON.parse(await audit([...args, '-f', 'json'])));
      expect(result.error?.issues ?? [], args.join(' ')).toEqual([]);
    }
    // Read from stdin: `run` has no digest yet, `summary` has it.
    const piped = await runMain(['audit', '-', '-f', 'json'], { stdin: readFileSync(join(REPO, ROSTERS[2]!)) });
    expect(AuditJsonReport.safeParse(JSON.parse(piped.stdout)).success).toBe(true);
  });

  test('every NDJSON line holds to the record schema, and a version 1 report does not', async () => {
    for (const args of [...ROSTERS.map((r) => [r]), ASSIGNED, [ROSTERS[0]!, '--detail', 'full']]) {
      const lines = (await audit([...args, '-f', 'ndjson'])).trimEnd().split('\n');
      for (const line of lines) {
        const result = AuditNdjsonRecord.safeParse(JSON.parse(line));
        expect(result.error?.issues ?? [], line.slice(0, 80)).toEqual([]);
      }
    }
    const v1 = { type: 'decision', staffId: 'A-1', name: null, line: 2, schemaVersion: 1 };
    expect(AuditNdjsonRecord.safeParse(v1).success).toBe(false);
  });
});
