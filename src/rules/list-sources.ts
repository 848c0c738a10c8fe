import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** What a file in a rules folder holds, decided by its place in the layout (docs/rule-model.md). */
export type SourceKind =
  | 'credentials'
  | 'trainings'
  | 'conditions'
  | 'citations'
  | 'tags'
  | 'roles'
  | 'settings'
  | 'national'
  | 'task'
  | 'state'
  | 'overlay'
  | 'overlay-rules';

export interface SourceEntry {
  kind: SourceKind;
  /** Absolute path. */
  path: string;
}

const DEFINITION_FILES = [
  'credentials',
  'trainings',
  'conditions',
  'citations',
  'tags',
  'roles',
  'settings',
  'national',
] as const;

const yamlIn = (dir: string): string[] => {
  try {
    return readdirSync(dir)
      .filter((name) => name.endsWith('.yaml') || name.endsWith('.yml'))
      .sort();
  } catch {
    return [];
  }
};

/** A folder holding `credentials.yaml` is a full rule set; any other folder is an overlay. */
export const isFullRuleSet = (dir: string): boolean => {
  try {
    return statSync(join(dir, 'credentials.yaml')).isFile();
  } catch {
    return false;
  }
};

/** The files of a full rule set, in load order. Missing definition files are listed too: loading reports them. */
export function listRuleSetSources(root: string): SourceEntry[] {
  return [
    ...DEFINITION_FILES.map((kind) => ({ kind, path: join(root, `${kind}.yaml`) })),
    ...yamlIn(join(root, 'tasks')).map((name) => ({ kind: 'task' as const, path: join(root, 'tasks', name) })),
    ...yamlIn(join(root, 'states')).map((name) => ({ kind: 'state' as const, path: join(root, 'states', name) })),
  ];
}

/** The files of an overlay folder: `overlay.yaml`, then `rules/*.yaml`. */
export function listOverlaySources(dir: string): SourceEntry[] {
  return [
    { kind: 'overlay', path: join(dir, 'overlay.yaml') },
    ...yamlIn(join(dir, 'rules')).map((name) => ({ kind: 'overlay-rules' as const, path: join(dir, 'rules', name) })),
  ];
}

/** Size and modification time of each file, to tell whether a snapshot still matches its sources. */
interface SourceStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

export function stampSources(entries: readonly SourceEntry[]): SourceStamp[] {
  return entries.map(({ path }) => {
    try {
      const s = statSync(path);
      return { path, size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return { path, size: -1, mtimeMs: -1 };
    }
  });
}
