// Writes schema/<kind>.schema.json from the zod schemas (via the built bundle), for editors, and
// the schemas of the audit's JSON and NDJSON output (bundled here from their source, which no
// command needs at run time). A test fails when the committed files drift from the schemas: run
// `npm run schemas` after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const write = (name, schema) =>
  writeFileSync(join(root, 'schema', `${name}.schema.json`), `${JSON.stringify(schema, null, 2)}\n`);
const { jsonSchemaOf, SCHEMA_KINDS } = createRequire(import.meta.url)(join(root, 'dist', 'heavy.cjs'));
mkdirSync(join(root, 'schema'), { recursive: true });
for (const kind of SCHEMA_KINDS) write(kind, jsonSchemaOf(kind));

const bundled = await build({
  entryPoints: [join(root, 'src/domain/schema/audit-report.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  logLevel: 'warning',
});
const audit = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);
for (const name of audit.AUDIT_REPORT_SCHEMA_NAMES) write(name, audit.auditReportJsonSchema(name));
console.log(`wrote ${SCHEMA_KINDS.length + audit.AUDIT_REPORT_SCHEMA_NAMES.length} schemas to schema/`);
