import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import type { RuleData, RuleSet } from '../domain/rule-set.js';
import { lazyRuleSet, ruleDataLines } from './lazy-rule-set.js';
import { listRuleSetSources, stampSources } from './list-sources.js';

const SNAPSHOT_FORMAT = 3;

/** A file the snapshot was built from, relative to the rules folder, with its stamp and its content digest. */
interface SourceRecord {
  file: string;
  size: number;
  mtimeMs: number;
  /** Hex SHA-256 of the file's bytes: what decides freshness when only the mtime differs. */
  sha256: string;
}

/** The validated shipped rules, compiled at build time so a query needs neither yaml nor zod (docs/design.md). */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  digest: string;
  /** Every file the snapshot was built from: a file added, removed or changed in content means stale. */
  sources: SourceRecord[];
  data: RuleData;
}

/** The first line of the snapshot file: everything but the data, so judging freshness parses only this. */
type SnapshotHeader = Omit<Snapshot, 'data'>;

/** Every file read, and every path listing found wrong (a `.yml` file): one appearing makes the snapshot stale. */
function currentSources(rulesDir: string) {
  const { entries, problems } = listRuleSetSources(rulesDir);
  // Listed paths start with the folder as `join` wrote it; cutting that is much cheaper than `relative`.
  const prefix = join(rulesDir, sep);
  const name = (path: string) => (path.startsWith(prefix) ? path.slice(prefix.length) : relative(rulesDir, path));
  return stampSources([...entries.map((e) => e.path), ...problems.map((p) => p.path)]).map((s) => ({
    ...s,
    file: sep === '/' ? name(s.path) : name(s.path).split(sep).join('/'),
  }));
}

/** Hex SHA-256 of a file's bytes, or '' when it cannot be read (a folder, a missing file). */
async function sha256Of(path: string): Promise<string> {
  // Loaded here, not at the top: Node's crypto costs a check ~2 ms, and only a touched file needs it.
  const { createHash } = await import('node:crypto');
  try {
    return createHash('sha256').update(readFileSync(path)).digest('hex');
  } catch {
    return '';
  }
}

export async function createSnapshot(rulesDir: string, data: RuleData, digest: string): Promise<Snapshot> {
  const sources: SourceRecord[] = [];
  for (const s of currentSources(rulesDir))
    sources.push({ file: s.file, size: s.size, mtimeMs: s.mtimeMs, sha256: await sha256Of(s.path) });
  return { format: SNAPSHOT_FORMAT, digest, sources, data };
}

/**
 * JSON with every character outside ASCII written as `\uXXXX`: the same value, and a file that
 * reads as Latin-1, which Node decodes and V8 parses faster than UTF-8.
 */
const asciiJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** The snapshot file's text: the header on its first line, then the rule data a line at a time (`ruleDataLines`). */
export function snapshotText(snapshot: Snapshot): string {
  const { data, ...header } = snapshot;
  return `${[asciiJson(header), ...ruleDataLines(data, snapshot.digest, asciiJson)].join('\n')}\n`;
}

/**
 * Whether the rules folder belongs to an installed package: inside a `node_modules` folder and not
 * a git checkout. npm installs the rules and the snapshot built from them together (`npm pack`
 * runs the build) and resets every mtime, so the snapshot is trusted there without looking at the
 * rule files; rules are edited in a clone, where each check compares them with the snapshot.
 */
function isInstalledPackage(rulesDir: string): boolean {
  const root = dirname(rulesDir);
  return root.split(sep).includes('node_modules') && !existsSync(join(root, '.git'));
}

/**
 * Why the rule files no longer match the snapshot, or undefined when they do. Sizes and mtimes
 * first; a file whose mtime alone differs (a checkout, a copy, `touch`) is hashed, and only a
 * different content makes the snapshot stale.
 */
async function staleness(recorded: readonly SourceRecord[], rulesDir: string): Promise<string | undefined> {
  const now = currentSources(rulesDir);
  if (now.length !== recorded.length) return 'rule files were added or removed';
  const touched: number[] = [];
  for (let i = 0; i < now.length; i++) {
    const a = now[i]!;
    const b = recorded[i]!;
    if (a.file !== b.file || a.size !== b.size) return `${a.file} changed`;
    if (a.mtimeMs !== b.mtimeMs) touched.push(i);
  }
  for (const i of touched) if ((await sha256Of(now[i]!.path)) !== recorded[i]!.sha256) return `${now[i]!.file} changed`;
  return undefined;
}

type SnapshotState = { fresh: true; ruleSet: RuleSet } | { fresh: false; reason: string };

/**
 * The snapshot's rule set if it still matches every source file: same paths, sizes and contents.
 * An installed package's snapshot is trusted as it is (`isInstalledPackage`).
 */
export async function readSnapshot(snapshotPath: string, rulesDir: string): Promise<SnapshotState> {
  let file: Buffer;
  let header: SnapshotHeader;
  let end: number;
  try {
    file = readFileSync(snapshotPath);
    end = file.indexOf(10);
    // Latin-1: the file is ASCII (`asciiJson`); an older snapshot that is not fails the format check.
    header = JSON.parse(file.toString('latin1', 0, end < 0 ? file.length : end)) as SnapshotHeader;
  } catch {
    return { fresh: false, reason: 'no snapshot' };
  }
  if (header?.format !== SNAPSHOT_FORMAT || end < 0) return { fresh: false, reason: 'snapshot format changed' };
  if (!isInstalledPackage(rulesDir)) {
    const reason = await staleness(header.sources, rulesDir);
    if (reason !== undefined) return { fresh: false, reason };
  }
  let ruleSet: RuleSet | undefined;
  try {
    ruleSet = lazyRuleSet(file, end + 1, header.digest);
  } catch {
    ruleSet = undefined;
  }
  return ruleSet ? { fresh: true, ruleSet } : { fresh: false, reason: 'no snapshot' };
}
