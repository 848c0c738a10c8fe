import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { type Command, Option } from 'commander';
import type { Diagnostic } from '../../domain/diagnostic.js';
import type { RuleSet } from '../../domain/rule-set.js';
import type { DiffReport } from '../../domain/rule-set-diff.js';
import { quoted } from '../../domain/shown-value.js';
import { DEFAULT_MAX_ROWS, DIFF_FORMATS, type DiffFormat, renderDiff } from '../../format/diff-formats.js';
import { diffRuleSets } from '../../space/diff-rule-sets.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { InvalidRulesError, NoInputError, UsageError } from '../errors.js';
import { ExitCode } from '../exit-codes.js';
import { type RulesAtRef, withRulesAtRef } from '../git-rules.js';
import { loadRuleSet } from '../load-rule-set.js';
import { ruleLocation } from '../rule-location.js';
import { ruleTargets } from '../rule-targets.js';
import { addSpaceOptions, resolveSpaceOptions, type SpaceCliOptions } from '../space-options.js';

/** Which changes make `diff` exit 1: verdicts that got stricter, looser, or any change at all. */
export const DIFF_FAIL_ON = ['stricter', 'looser', 'any'] as const;
type DiffFailOn = (typeof DIFF_FAIL_ON)[number];

interface DiffOptions extends SpaceCliOptions {
  base: string;
  head?: string;
  format: DiffFormat;
  maxRows?: string;
  failOn?: DiffFailOn;
}

/**
 * The rules a diff compares: a full rule set folder, or an overlay on the shipped rules, as
 * `validate` takes it; loaded and validated as `check` loads its rules. Invalid rules say which
 * side they are (`--base`, `--head`).
 */
async function loadSide(context: CommandContext, dir: string, side: string): Promise<RuleSet> {
  const [target] = ruleTargets(context, [dir]);
  const shipped = ruleLocation(context);
  // The build's snapshot answers for any folder whose files are the ones it was built from (it
  // compares their contents), but an installed package's snapshot is trusted without looking at
  // the files: a folder inside `node_modules` other than the shipped one is read from its YAML.
  const snapshotTrusted = target!.root === shipped.rulesDir || !target!.root.split(sep).includes('node_modules');
  try {
    const { ruleSet } = await loadRuleSet({
      rulesDir: target!.root,
      overlays: target!.overlays,
      snapshotPath: snapshotTrusted ? shipped.snapshotPath : '',
      cwd: context.io.cwd,
    });
    return ruleSet;
  } catch (error) {
    if (error instanceof InvalidRulesError) error.message = `${side}: ${error.message}`;
    throw error;
  }
}

/** Findings in a temporary copy of a ref's rules, named as the ref has them (`origin/main:rules/states/AK.yaml`). */
function locatedAtRef(error: unknown, shownDir: string, label: string): unknown {
  if (!(error instanceof InvalidRulesError)) return error;
  const prefix = `${shownDir}/`;
  const diagnostics: Diagnostic[] = error.diagnostics.map((d) =>
    d.file.startsWith(prefix) ? { ...d, file: `${label}/${d.file.slice(prefix.length)}` } : d,
  );
  const located = new InvalidRulesError(diagnostics);
  located.message = error.message;
  return located;
}

/** What is at `path`: a folder, something else (a file), or nothing this process can see. */
function kindAt(path: string): 'folder' | 'file' | 'none' {
  try {
    const info = statSync(path, { throwIfNoEntry: false });
    return info === undefined ? 'none' : info.isDirectory() ? 'folder' : 'file';
  } catch {
    // A file on its path (ENOTDIR) or a folder it may not read: loading or git says which.
    return 'none';
  }
}

/**
 * Whether `--base` was written as a path, never a ref: git refuses a ref that starts with `.` or
 * `/` (`git check-ref-format`), and `HEAD~1`, `origin/main` or a tag do not.
 */
const writtenAsPath = (text: string): boolean => /^(\.\.?)?\//.test(text) || text === '.' || text === '..';

/** `--max-rows`: a whole number, for the Markdown only. */
function maxRowsOf(value: string | undefined, format: DiffFormat): number {
  if (value === undefined) return DEFAULT_MAX_ROWS;
  if (format !== 'markdown') throw new UsageError(`--max-rows applies to --format markdown, not ${format}`);
  if (!/^\d+$/.test(value)) throw new UsageError(`--max-rows takes a whole number, not ${quoted(value)}`);
  return Number(value);
}

/** `ma-check diff --base <dir|ref> [--head dir]`: every answer a change to the rules changes. */
export function registerDiff(program: Command, context: CommandContext): void {
  const command = program
    .command('diff')
    .description('list every decision that differs between two versions of the rules (for reviewing a rule change)')
    .requiredOption('--base <dir|ref>', 'the rules before: a folder, or a git ref (origin/main, HEAD~1, a tag)')
    .option('--head <dir>', 'the rules after: a folder (default: the shipped rules)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(DIFF_FORMATS).default('text'))
    .option(
      '--max-rows <n>',
      `markdown: changed decisions shown before the rest collapse (default ${DEFAULT_MAX_ROWS})`,
    )
    .addOption(
      new Option(
        '--fail-on <kind>',
        'exit 1 when a verdict got stricter, got looser, or any decision changed (added and removed tasks count only for any)',
      ).choices(DIFF_FAIL_ON),
    );
  addSpaceOptions(command).action(async (options: DiffOptions) => {
    const { io } = context;
    const maxRows = maxRowsOf(options.maxRows, options.format);
    const asOf = checkDate(options.asOf);
    const headDir = resolve(io.cwd, options.head ?? ruleLocation(context).rulesDir);
    const baseDir = resolve(io.cwd, options.base);

    /** Compares the base rules in `baseRules` (`atRef` when they are a git ref's, written out) with the head's. */
    const compare = async (baseRules: string, baseSource: string, atRef?: RulesAtRef) => {
      const base = await loadSide(context, baseRules, `--base ${quoted(options.base)}`).catch((error: unknown) => {
        throw atRef ? locatedAtRef(error, relative(io.cwd, atRef.dir), atRef.label) : error;
      });
      const head = await loadSide(context, headDir, `--head ${quoted(options.head ?? relative(io.cwd, headDir))}`);
      // The tasks of both sides: one only the base has is compared too (its decisions are `removed`).
      const space = resolveSpaceOptions(head, { ...options, ...(asOf ? { asOf } : {}) }, io.today(), [base, head]);
      const diff = diffRuleSets(base, head, space);
      const report: DiffReport = {
        base: { source: baseSource, digest: base.digest },
        head: { source: options.head ?? (relative(io.cwd, headDir) || '.'), digest: head.digest },
        diff,
      };
      io.out(renderDiff(report, options.format, maxRows));
      const { changed } = diff.summary;
      const failed =
        options.failOn === 'any' ? changed.total > 0 : options.failOn !== undefined && changed[options.failOn] > 0;
      context.exitCode = failed ? ExitCode.Findings : ExitCode.Ok;
    };

    const headShown = options.head ?? headDir;
    if (kindAt(headDir) === 'file') throw new NoInputError(`--head ${quoted(headShown)} is a file, not a folder`);
    const baseKind = kindAt(baseDir);
    if (baseKind === 'folder') return compare(baseDir, options.base);
    const baseIsFile = (reason: string) =>
      new NoInputError(`--base ${quoted(options.base)} is a file, not a folder${reason}`);
    if (writtenAsPath(options.base))
      throw baseKind === 'file' ? baseIsFile('') : new NoInputError(`--base ${quoted(options.base)}: no such folder`);
    if (kindAt(headDir) !== 'folder')
      throw new NoInputError(
        `no such folder: ${headShown} (--base ${quoted(options.base)} is a git ref, read where --head is)`,
      );
    // A file of that name that is no ref either was meant as the rules folder.
    const unknownRef = baseKind === 'file' ? (reason: string) => baseIsFile(` (nor a git ref: ${reason})`) : undefined;
    return withRulesAtRef(options.base, headDir, io.env, (atRef) => compare(atRef.dir, atRef.label, atRef), unknownRef);
  });
}
