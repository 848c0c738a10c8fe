import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, sep } from 'node:path';

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

/**
 * What listing a rules folder found besides its files: a folder that is missing (where one is
 * needed) or cannot be read, and files named `*.yml`. Rule and case files end in `.yaml`, and only
 * that; a `.yml` file is reported instead of silently skipped or silently read.
 */
export interface ListingProblem {
  code: 'missing-folder' | 'yml-extension';
  /** What the folder or file would have held: its definitions are treated as incomplete. */
  kind: SourceKind;
  /** Absolute path of the folder or file. */
  path: string;
  message: string;
}

export interface SourceListing {
  entries: SourceEntry[];
  problems: ListingProblem[];
}

/** Why a folder cannot be listed, in words, from the error `readdir` gave. */
export function folderError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'folder is missing';
  if (code === 'ENOTDIR') return 'is not a folder';
  if (code === 'EACCES' || code === 'EPERM') return 'cannot read folder (permission denied)';
  return `cannot read folder (${code ?? (error as Error).message})`;
}

/** What a `*.yml` rule or case file is told. */
export const ymlMessage = (path: string): string =>
  `rule and case files end in .yaml; rename it to ${basename(path).replace(/\.yml$/, '.yaml')}`;

const ymlProblem = (kind: SourceKind, path: string): ListingProblem => ({
  code: 'yml-extension',
  kind,
  path,
  message: ymlMessage(path),
});

/** A folder's listing: its `*.yaml` names, the paths of its `*.yml` files, and why it could not be read. */
export interface FolderListing {
  names: string[];
  yml: string[];
  /** Set when the folder could not be listed (`folder is missing`, `cannot read folder (…)`). */
  error?: { missing: boolean; message: string };
}

/**
 * `join(dir, name)` for the plain names a folder lists (no separator, never `.` or `..`): the
 * folder is normalized once and each name appended, the same path for a fraction of the cost of a
 * `join` per file (a check compares every rule file with the snapshot).
 */
function pathsIn(dir: string): (name: string) => string {
  const base = join(dir, '.');
  const prefix = base === '.' ? '' : base.endsWith(sep) ? base : `${base}${sep}`;
  return (name) => `${prefix}${name}`;
}

/** The `*.yaml` files of a folder, sorted, and any `*.yml` files beside them. */
export function yamlFilesIn(dir: string): FolderListing {
  let all: string[];
  try {
    all = readdirSync(dir).sort();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    return { names: [], yml: [], error: { missing, message: folderError(error) } };
  }
  return {
    names: all.filter((name) => name.endsWith('.yaml')),
    yml: all.filter((name) => name.endsWith('.yml')).map(pathsIn(dir)),
  };
}

/**
 * A sub-folder of rule files of one kind: its `*.yaml` names and its problems. A missing folder is
 * a problem only when `required`; one that exists but cannot be read always is.
 */
function sourceFolder(kind: SourceKind, dir: string, required: boolean) {
  const listing = yamlFilesIn(dir);
  const problems: ListingProblem[] = listing.yml.map((path) => ymlProblem(kind, path));
  if (listing.error && (required || !listing.error.missing))
    problems.push({ code: 'missing-folder', kind, path: dir, message: listing.error.message });
  return { names: listing.names, problems };
}

/**
 * A folder holding `credentials.yaml` is a full rule set; any other folder is an overlay. Whatever
 * the name is (a FIFO, a folder), it marks a full rule set, and loading it reports what is wrong.
 */
export const isFullRuleSet = (dir: string): boolean => existsSync(join(dir, 'credentials.yaml'));

/** `.yml` twins of the files a folder's top level must hold (`tags.yml` beside a missing `tags.yaml`). */
function ymlTwins(dir: string, kinds: readonly SourceKind[]): ListingProblem[] {
  const path = pathsIn(dir);
  return kinds.filter((kind) => existsSync(path(`${kind}.yml`))).map((kind) => ymlProblem(kind, path(`${kind}.yml`)));
}

/**
 * The files of a full rule set, in load order. Missing definition files are listed too: loading
 * reports them. `tasks/` and `states/` must exist.
 */
export function listRuleSetSources(root: string): SourceListing {
  const inRoot = pathsIn(root);
  const tasks = sourceFolder('task', inRoot('tasks'), true);
  const states = sourceFolder('state', inRoot('states'), true);
  const inTasks = pathsIn(inRoot('tasks'));
  const inStates = pathsIn(inRoot('states'));
  return {
    entries: [
      ...DEFINITION_FILES.map((kind) => ({ kind, path: inRoot(`${kind}.yaml`) })),
      ...tasks.names.map((name) => ({ kind: 'task' as const, path: inTasks(name) })),
      ...states.names.map((name) => ({ kind: 'state' as const, path: inStates(name) })),
    ],
    problems: [...ymlTwins(root, DEFINITION_FILES), ...tasks.problems, ...states.problems],
  };
}

/** The files of an overlay folder: `overlay.yaml`, then `rules/*.yaml` (an overlay may have no `rules/`). */
export function listOverlaySources(dir: string): SourceListing {
  const rules = sourceFolder('overlay-rules', join(dir, 'rules'), false);
  return {
    entries: [
      { kind: 'overlay', path: join(dir, 'overlay.yaml') },
      ...rules.names.map((name) => ({ kind: 'overlay-rules' as const, path: join(dir, 'rules', name) })),
    ],
    problems: [...ymlTwins(dir, ['overlay']), ...rules.problems],
  };
}

/** Size and modification time of each file, to tell whether a snapshot still matches its sources. */
interface SourceStamp {
  path: string;
  size: number;
  mtimeMs: number;
}

export function stampSources(paths: readonly string[]): SourceStamp[] {
  return paths.map((path) => {
    try {
      const s = statSync(path);
      return { path, size: s.size, mtimeMs: s.mtimeMs };
    } catch {
      return { path, size: -1, mtimeMs: -1 };
    }
  });
}
