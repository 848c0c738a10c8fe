import { type DecisionRow, PROFILE_AXES } from '../domain/query-space.js';
import { CHANGE_DIRECTIONS, type ChangeCounts, type DiffReport } from '../domain/rule-set-diff.js';

/** The version of the diff's JSON layout; a field's meaning or a key's removal changes it, an added key does not. */
export const DIFF_SCHEMA_VERSION = 1;

const counts = (c: ChangeCounts) => ({
  total: c.total,
  ...Object.fromEntries(CHANGE_DIRECTIONS.map((d) => [d, c[d]])),
});

const row = (r: DecisionRow | null) =>
  r === null
    ? null
    : {
        verdict: r.verdict,
        confidence: r.confidence,
        determinedBy: r.determinedBy,
        toVerify: r.toVerify,
        unmet: r.unmet,
        citations: r.citations,
      };

/**
 * `diff --format json`: everything the diff found, every key in a fixed order whatever order the
 * objects were built in, so two runs on the same rules print the same bytes.
 */
export function diffJson(report: DiffReport): string {
  const { diff } = report;
  const { summary } = diff;
  const value = {
    schemaVersion: DIFF_SCHEMA_VERSION,
    base: { source: report.base.source, digest: report.base.digest },
    head: { source: report.head.source, digest: report.head.digest },
    asOf: diff.asOf,
    summary: {
      compared: summary.compared,
      changed: counts(summary.changed),
      byState: summary.byState.map((s) => ({ jurisdiction: s.jurisdiction, counts: counts(s.counts) })),
      byTask: summary.byTask.map((t) => ({ task: t.task, counts: counts(t.counts) })),
    },
    rules: diff.rules.map((r) => ({ id: r.id, change: r.change })),
    changes: diff.changes.map((c) => ({
      task: c.task,
      jurisdiction: c.jurisdiction,
      profile: Object.fromEntries(PROFILE_AXES.map((axis) => [axis, c.profile[axis]])),
      direction: c.direction,
      before: row(c.before),
      after: row(c.after),
      changed: c.changed,
      rules: c.rules.map((r) => ({ id: r.id, change: r.change })),
    })),
  };
  return `${JSON.stringify(value, null, 2)}\n`;
}
