import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { auditBatches } from '../../audit/audit.js';
import { AuditTally } from '../../audit/audit-tally.js';
import type { AuditInput, AuditInvalid, AuditRecord, AuditRun } from '../../domain/audit.js';
import { type Verdict, verdictRank } from '../../domain/verdict.js';
import type { AuditDetail, AuditFormat } from '../../format/audit-formats.js';
import type { AuditRunHead } from '../../format/audit-run-head.js';
import { type AuditWriter, auditWriter, namesInputs, opensWithRun } from '../../format/audit-writer.js';
import type { InputFormat } from '../../roster/input-format.js';
import { readRoster } from '../../roster/read-roster.js';
import type { CommandContext } from '../context.js';
import { NoInputError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { loadRuleSet } from '../load-rule-set.js';
import { paintFor } from '../paint.js';
import { diagnosticLine } from '../print-error.js';
import { ruleLocation } from '../rule-location.js';
import { type AuditSource, openSource } from './audit-source.js';
import { fileSpools } from './file-spool.js';
import { OutputSink } from './output-sink.js';
import { type NamedInput, outputTarget } from './output-target.js';
import { Progress } from './progress.js';

export interface AuditSettings {
  roster: string;
  assignments: string | undefined;
  inputFormat: InputFormat | undefined;
  format: AuditFormat;
  /** JSON and NDJSON: decisions shared by id (the default) or inside each item. */
  detail: AuditDetail;
  /** JSON: indented rather than compact. */
  pretty: boolean;
  failOn: Verdict;
  only: Verdict[] | null;
  output: string | undefined;
  redact: boolean;
  asOf: string;
  rules: string[];
}

/**
 * `ma-check audit`: reads the roster as it audits it and writes as it goes. Exit code (docs/design.md):
 * 65 when any row was invalid, once every valid row is evaluated and written; else 1 when a
 * decision is at or above `--fail-on`; else 0.
 */
export async function runAudit(context: CommandContext, s: AuditSettings): Promise<number> {
  const { io } = context;
  const named: NamedInput[] = [{ role: 'roster', name: s.roster }];
  if (s.assignments !== undefined) named.push({ role: 'assignments', name: s.assignments });
  // Before any work: a run that cannot deliver its report should not read a million rows first.
  const target = s.output === undefined ? undefined : await outputTarget(io, s.output, named);
  const { ruleSet } = await loadRuleSet(ruleLocation(context, s.rules));
  const sources: AuditSource[] = [];
  // CSV names no input's SHA-256, so its inputs are not hashed.
  const hashing = namesInputs(s.format);
  try {
    const roster = await openSource(io, s.roster, s.inputFormat, hashing);
    sources.push(roster);
    const assignments =
      s.assignments === undefined ? undefined : await openSource(io, s.assignments, undefined, hashing);
    if (assignments !== undefined) sources.push(assignments);

    const rosterStats = { records: 0 };
    const assignmentStats = { records: 0 };
    const batches = auditBatches(readRoster(roster.input.stream, roster.format, rosterStats), ruleSet, {
      asOf: s.asOf,
      rosterFile: roster.name,
      assignments: assignments && {
        items: readRoster(assignments.input.stream, assignments.format, assignmentStats),
        file: assignments.name,
      },
    });
    const counted = assignments === undefined ? rosterStats : assignmentStats;
    const about = {
      tool: 'ma-check',
      version: context.install.version,
      rulesDigest: ruleSet.digest,
      asOf: s.asOf,
      failOn: s.failOn,
    } as const;
    // JSON and NDJSON open with the run: a regular file is hashed first, so its SHA-256 is there;
    // a pipe or stdin can be read only once, so its digest waits for the summary.
    const aheads: (string | null)[] = [];
    for (const src of sources)
      aheads.push(opensWithRun(s.format) && src.hashAhead !== null ? await src.hashAhead() : null);
    const head: AuditRunHead = {
      ...about,
      inputs: sources.map((src, i) => ({ role: named[i]!.role, name: src.name, sha256: aheads[i]! })),
    };
    // The SHA-256 of what was read, known once each input has been read to its end.
    const run = async (): Promise<AuditRun> => {
      const inputs: AuditInput[] = [];
      for (const [i, src] of sources.entries()) {
        const sha256 = await src.input.sha256();
        if (aheads[i] !== null && aheads[i] !== sha256)
          throw new NoInputError(
            `${src.name} changed while it was audited: its SHA-256 is not the one the report opened with; audit it again`,
          );
        inputs.push({ role: named[i]!.role, name: src.name, sha256 });
      }
      return { ...about, inputs };
    };

    const sink = target === undefined ? OutputSink.stdout(io) : await OutputSink.file(target);
    // A stream that stops calling back would let Node exit with 0 and half a report: say so instead.
    const stalled = () => {
      io.err(
        'ma-check: internal error: the audit stopped before the end of its input (set DEBUG=ma-check for details)\n',
      );
      process.exitCode = ExitCode.Internal;
    };
    process.once('beforeExit', stalled);
    try {
      const code = await write(context, s, head, run, batches, sink, counted);
      await sink.commit();
      return code;
    } catch (error) {
      await sink.abort();
      throw error;
    } finally {
      process.off('beforeExit', stalled);
    }
  } finally {
    for (const src of sources) src.input.close();
  }
}

/** The report's writer, for the format asked; whatever it held back is let go of at the end. */
async function write(
  context: CommandContext,
  s: AuditSettings,
  head: AuditRunHead,
  run: () => Promise<AuditRun>,
  batches: AsyncIterable<AuditRecord[]>,
  sink: OutputSink,
  counted: { records: number },
): Promise<number> {
  const { io } = context;
  const writer = auditWriter({
    format: s.format,
    redact: s.redact,
    only: s.only,
    paint: paintFor(io),
    table: s.format === 'text' && io.stdoutIsTTY && s.output === undefined,
    detail: s.detail,
    pretty: s.pretty,
    // Findings wait for the counts that open a report for people: beyond a few kilobytes, on disk.
    spool: fileSpools(tmpdir()),
  });
  try {
    return await writeWith(writer, context, s, head, run, batches, sink, counted);
  } finally {
    writer.close();
  }
}

/** The audit loop: count, write, report progress; then the summary and the exit code. */
async function writeWith(
  writer: AuditWriter,
  context: CommandContext,
  s: AuditSettings,
  head: AuditRunHead,
  run: () => Promise<AuditRun>,
  batches: AsyncIterable<AuditRecord[]>,
  sink: OutputSink,
  counted: { records: number },
): Promise<number> {
  const { io } = context;
  const tally = new AuditTally();
  const progress = new Progress(
    (text) => io.err(text),
    io.stderrIsTTY === true,
    () => performance.now(),
  );
  const failRank = verdictRank(s.failOn);
  let failed = false;
  let firstInvalid: AuditInvalid | undefined;
  await sink.write(writer.start(head));
  for await (const batch of batches) {
    for (const r of batch) {
      tally.add(r);
      if (r.type === 'decision') failed ||= verdictRank(r.decision.verdict) >= failRank;
      else {
        firstInvalid ??= r;
        // CSV has columns for decisions only: its invalid rows are told on stderr, as they come.
        if (s.format === 'csv') io.err(`${diagnosticLine(r.diagnostic)}\n`);
      }
      // One batch of rows can be megabytes of NDJSON: wait for the reader within it, not after.
      const drained = sink.write(writer.record(r));
      if (drained !== undefined) await drained;
    }
    progress.tick(counted.records);
  }
  const summary = tally.result(counted.records);
  // CSV ends with its last row: it names no input, so nothing is hashed or read past where the audit stopped.
  if (namesInputs(s.format))
    for (const chunk of writer.end(summary, await run())) {
      const drained = sink.write(chunk);
      if (drained !== undefined) await drained;
    }
  progress.done();
  if (firstInvalid !== undefined) {
    const d = firstInvalid.diagnostic;
    const rows = summary.invalidRows === 1 ? '1 invalid record' : `${summary.invalidRows} invalid records`;
    io.err(`ma-check: ${rows} (first: ${d.file}:${d.line} ${d.message}); every valid row was audited\n`);
    return ExitCode.InvalidRows;
  }
  return failed ? ExitCode.Findings : ExitCode.Ok;
}
