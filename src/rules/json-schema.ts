import { z } from 'zod';
import { CaseFile } from '../domain/schema/case-file.js';
import { AssignmentsFile, RosterFile } from '../domain/schema/roster-file.js';
import type { SchemaKind } from '../domain/schema-kinds.js';
import { FILE_SCHEMAS } from './file-schemas.js';

/** Draft-07 JSON Schema generated from the zod schema of one kind of file (the single source of truth). */
export function jsonSchemaOf(kind: SchemaKind): Record<string, unknown> {
  const schema =
    kind === 'case'
      ? CaseFile
      : kind === 'roster'
        ? RosterFile
        : kind === 'assignments'
          ? AssignmentsFile
          : FILE_SCHEMAS[kind];
  const json = z.toJSONSchema(schema, { target: 'draft-07', io: 'input', unrepresentable: 'any' }) as Record<
    string,
    unknown
  >;
  return { ...json, title: `ma-check ${kind} file` };
}
