// Writes schema/<kind>.schema.json from the zod schemas, for editors, and the schemas of the
// audit's JSON and NDJSON output, straight from the sources (tsx, no build). A test fails when
// the committed files drift from the schemas: run `npm run schemas` after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AUDIT_REPORT_SCHEMA_NAMES, auditReportJsonSchema } from '../src/domain/schema/audit-report.js';
import { SCHEMA_KINDS } from '../src/domain/schema-kinds.js';
import { jsonSchemaOf } from '../src/rules/json-schema.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const write = (name: string, schema: Record<string, unknown>) =>
  writeFileSync(join(root, 'schema', `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
mkdirSync(join(root, 'schema'), { recursive: true });
for (const kind of SCHEMA_KINDS) write(kind, jsonSchemaOf(kind));
for (const name of AUDIT_REPORT_SCHEMA_NAMES) write(name, auditReportJsonSchema(name));
console.log(`wrote ${SCHEMA_KINDS.length + AUDIT_REPORT_SCHEMA_NAMES.length} schemas to schema/`);
