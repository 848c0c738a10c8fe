/** Words the command line owns: no task id or alias may take one (docs/design.md). */
export const RESERVED_NAMES = [
  'check',
  'tasks',
  'credentials',
  'states',
  'state',
  'validate',
  'test',
  'schema',
  'audit',
  'help',
  'matrix',
  'map',
  'docs',
  'export',
  'diff',
  'sources',
];
