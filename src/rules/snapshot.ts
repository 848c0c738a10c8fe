import { readFileSync } from 'node:fs';
import { relative, sep } from 'node:path';
import type { RuleData, RuleSet } from '../domain/rule-set.js';
import { indexRules } from './index-rules.js';
import { listRuleSetSources, stampSources } from './list-sources.js';

const SNAPSHOT_FORMAT = 2;

/** The validated shipped rules, compiled at build time so a query needs neither yaml nor zod (docs/design.md). */
export interface Snapshot {
  format: typeof SNAPSHOT_FORMAT;
  digest: string;
  /** Every file the snapshot was built from, relative to the rules folder: any difference means stale. */
  sources: { file: string; size: number; mtimeMs: number }[];
  data: RuleData;
}

/** Every file read, and every path listing found wrong (a `.yml` file): one appearing makes the snapshot stale. */
function currentSources(rulesDir: string): Snapshot['sources'] {
  const { entries, problems } = listRuleSetSources(rulesDir);
  return stampSources([...entries.map((e) => e.path), ...problems.map((p) => p.path)]).map((s) => ({
    file: relative(rulesDir, s.path).split(sep).join('/'),
    size: s.size,
    mtimeMs: s.mtimeMs,
  }));
}

export function createSnapshot(rulesDir: string, data: RuleData, digest: string): Snapshot {
  return { format: SNAPSHOT_FORMAT, digest, sources: currentSources(rulesDir), data };
}

type SnapshotState = { fresh: true; ruleSet: RuleSet } | { fresh: false; reason: string };

/** The snapshot's rule set if it still matches every source file by path, size and mtime. */
export function readSnapshot(snapshotPath: string, rulesDir: string): SnapshotState {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(snapshotPath, 'utf8')) as Snapshot;
  } catch {
    return { fresh: false, reason: 'no snapshot' };
  }
  if (snapshot.format !== SNAPSHOT_FORMAT) return { fresh: false, reason: 'snapshot format changed' };
  const now = currentSources(rulesDir);
  if (now.length !== snapshot.sources.length) return { fresh: false, reason: 'rule files were added or removed' };
  for (let i = 0; i < now.length; i++) {
    const a = now[i]!;
    const b = snapshot.sources[i]!;
    if (a.file !== b.file || a.size !== b.size || a.mtimeMs !== b.mtimeMs)
      return { fresh: false, reason: `${a.file} changed` };
  }
  return { fresh: true, ruleSet: indexRules(snapshot.data, snapshot.digest) };
}
