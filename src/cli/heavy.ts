/**
 * Everything that needs yaml or zod, behind one lazy import: the bundled CLI keeps these in a
 * separate file and loads it only when YAML must be parsed or a schema printed (docs/design.md).
 */

import { serveValidationIfWorker } from '../rules/validate-worker.js';
import { caseQueryProblems } from './case-query-problems.js';

export { stringify as yamlStringify } from 'yaml';
export { SCHEMA_KINDS } from '../domain/schema-kinds.js';
export { checkCaseReferences } from '../rules/check-case-references.js';
export { jsonSchemaOf } from '../rules/json-schema.js';
export { loadCases } from '../rules/load-cases.js';
export { loadRules } from '../rules/load-rules.js';
export { createSnapshot, snapshotText } from '../rules/snapshot.js';
export { validateTarget } from '../rules/validate-target.js';
export { caseQueryProblems };

// Started as `validate`'s worker thread, this bundle validates the folders it was given.
serveValidationIfWorker(caseQueryProblems);
