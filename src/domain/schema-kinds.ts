/** The kinds of file `ma-check schema --kind` describes: every rule file kind, case files and JSON rosters. */
export const SCHEMA_KINDS = [
  'credentials',
  'trainings',
  'conditions',
  'citations',
  'tags',
  'roles',
  'settings',
  'national',
  'task',
  'state',
  'overlay',
  'overlay-rules',
  'case',
  'roster',
  'assignments',
] as const;
export type SchemaKind = (typeof SCHEMA_KINDS)[number];
