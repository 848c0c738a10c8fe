// Writes schema/<kind>.schema.json from the zod schemas (via the built bundle), for editors.
// A test fails when the committed files drift from the schemas: run `npm run schemas` after a change.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { jsonSchemaOf, SCHEMA_KINDS } = createRequire(import.meta.url)(join(root, 'dist', 'heavy.cjs'));
mkdirSync(join(root, 'schema'), { recursive: true });
for (const kind of SCHEMA_KINDS)
  writeFileSync(join(root, 'schema', `${kind}.schema.json`), `${JSON.stringify(jsonSchemaOf(kind), null, 2)}\n`);
console.log(`wrote ${SCHEMA_KINDS.length} schemas to schema/`);
