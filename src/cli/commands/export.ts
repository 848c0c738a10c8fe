import { createHash } from 'node:crypto';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, resolve } from 'node:path';
import { type Command, Option } from 'commander';
import {
  CODEBOOK_FILE,
  DATASET_FORMATS,
  DATASET_TABLES,
  type DatasetFormat,
  datasetFileName,
  MANIFEST_FILE,
} from '../../domain/dataset.js';
import type { DatasetFileEntry } from '../../domain/dataset-manifest.js';
import { escapeControls, quoted } from '../../domain/shown-value.js';
import { datasetCodebook } from '../../format/dataset-codebook.js';
import { datasetManifestText } from '../../format/dataset-manifest.js';
import { datasetTableText } from '../../format/dataset-table.js';
import { datasetManifest } from '../../space/dataset-manifest.js';
import { exportDataset } from '../../space/export-dataset.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { NoInputError, UsageError } from '../errors.js';
import { loadRuleSet } from '../load-rule-set.js';
import { collectList } from '../options.js';
import { ruleLocation } from '../rule-location.js';
import { addSpaceOptions, resolveSpaceOptions, type SpaceCliOptions } from '../space-options.js';

interface ExportOptions extends SpaceCliOptions {
  out: string;
  format: DatasetFormat;
  rules?: string[];
}

/** A file being written, under this name until it is whole. */
const partialName = (name: string): string => `.${name}.partial`;

/** Every name an export writes, in any format, and the names its files have while being written. */
const EXPORT_NAMES: ReadonlySet<string> = new Set(
  [
    MANIFEST_FILE,
    CODEBOOK_FILE,
    ...DATASET_FORMATS.flatMap((f) => DATASET_TABLES.map((t) => datasetFileName(t, f))),
  ].flatMap((name) => [name, partialName(name)]),
);

/** An error of the file system (it has an errno code), as opposed to a fault of the export itself. */
const isSystemError = (error: unknown): error is NodeJS.ErrnoException =>
  error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string';

const reason = (error: unknown): string => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EROFS') return 'the file system is read-only';
  if (code === 'ENOSPC') return 'no space left on the device';
  if (code === 'ENOTDIR') return 'a folder on its path is a file';
  return code ?? (error as Error).message;
};

/** Whether `manifest.json` in a folder was written by an export of this tool. */
function isExportManifest(path: string): boolean {
  try {
    const manifest: unknown = JSON.parse(readFileSync(path, 'utf8'));
    return (manifest as { tool?: { name?: unknown } } | null)?.tool?.name === 'ma-check';
  } catch {
    return false;
  }
}

/**
 * The folder the dataset goes into, made when missing. A folder that holds anything is taken only
 * when it is a previous export (its `manifest.json` says ma-check wrote it, and every file in it is
 * one an export writes): the new export replaces it rather than mixing its files with others.
 * Returns the folder and the previous export's files.
 */
function outFolder(cwd: string, shown: string): { path: string; previous: string[] } {
  const path = resolve(cwd, shown);
  let info: ReturnType<typeof statSync>;
  try {
    info = statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    throw new NoInputError(`cannot write to ${quoted(shown)}: ${reason(error)}`);
  }
  if (info === undefined) {
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      throw new NoInputError(`cannot create the folder ${quoted(shown)}: ${reason(error)}`);
    }
    return { path, previous: [] };
  }
  if (!info.isDirectory())
    throw new NoInputError(`cannot write to ${quoted(shown)}: it is not a folder; name a folder for --out`);
  let entries: string[];
  try {
    entries = readdirSync(path).sort();
  } catch (error) {
    throw new NoInputError(`cannot read the folder ${quoted(shown)}: ${reason(error)}`);
  }
  try {
    // Checked before the work, so that a folder that cannot take the files costs no export.
    accessSync(path, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new NoInputError(`cannot write to ${quoted(shown)}: ${reason(error)}`);
  }
  if (entries.length === 0) return { path, previous: [] };
  const others = entries.filter((name) => !EXPORT_NAMES.has(name));
  if (!entries.includes(MANIFEST_FILE) || !isExportManifest(join(path, MANIFEST_FILE)) || others.length > 0) {
    const shownOthers = others.slice(0, 3).map(quoted).join(', ') + (others.length > 3 ? ', …' : '');
    throw new UsageError(
      `--out ${quoted(shown)} is not empty and ${others.length > 0 ? `holds files an export does not write (${shownOthers})` : 'is not a previous export (no manifest.json of ma-check)'}; name a new or empty folder`,
    );
  }
  return { path, previous: entries };
}

/** Writes a file whole under a temporary name, then renames it: its sha256 as it was written. */
function writeWhole(folder: { path: string; shown: string }, name: string, pieces: Iterable<string>): string {
  const temp = join(folder.path, partialName(name));
  const hash = createHash('sha256');
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w');
    for (const piece of pieces) {
      const bytes = Buffer.from(piece, 'utf8');
      hash.update(bytes);
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at);
    }
    closeSync(fd);
    fd = undefined;
    renameSync(temp, join(folder.path, name));
  } catch (error) {
    try {
      if (fd !== undefined) closeSync(fd);
      rmSync(temp, { force: true });
    } catch {
      // The failure that brought us here is the one to report.
    }
    if (!isSystemError(error)) throw error;
    throw new NoInputError(`cannot write ${name} in ${quoted(folder.shown)}: ${reason(error)}`);
  }
  return hash.digest('hex');
}

/** `ma-check export --out DIR`: the query space as an open dataset (README, `export`). */
export function registerExport(program: Command, context: CommandContext): void {
  addSpaceOptions(
    program
      .command('export')
      .description(
        'write the query space as an open dataset: decisions, rules, citations and jurisdictions, with a codebook and a manifest',
      )
      .requiredOption('-o, --out <dir>', 'folder to write into: new, empty, or a previous export (replaced)')
      .addOption(
        new Option('-f, --format <format>', 'format of the table files').choices(DATASET_FORMATS).default('csv'),
      )
      .option('--rules <dir>', 'add an organization policy overlay (repeatable)', collectList),
  ).action((options: ExportOptions) => exportAction(context, options));
}

async function exportAction(context: CommandContext, options: ExportOptions): Promise<void> {
  const { io, install } = context;
  checkDate(options.asOf);
  const { ruleSet } = await loadRuleSet(ruleLocation(context, options.rules));
  const space = resolveSpaceOptions(ruleSet, options, io.today());
  const { path, previous } = outFolder(io.cwd, options.out);
  const folder = { path, shown: options.out };
  const exported = exportDataset(ruleSet, space);

  const files: Record<string, DatasetFileEntry> = {};
  for (const table of DATASET_TABLES) {
    const name = datasetFileName(table, options.format);
    const rows = exported.tables[table];
    files[name] = {
      rows: rows.length,
      sha256: writeWhole(folder, name, datasetTableText(table, rows, options.format)),
    };
  }
  files[CODEBOOK_FILE] = { sha256: writeWhole(folder, CODEBOOK_FILE, [datasetCodebook(options.format)]) };
  const manifest = datasetManifest(exported, { name: 'ma-check', version: install.version }, options.format, files);
  writeWhole(folder, MANIFEST_FILE, [datasetManifestText(manifest)]);
  // Last, once the new export is whole: the previous export's files this one did not write.
  for (const name of previous)
    if (name !== MANIFEST_FILE && !(name in files)) {
      try {
        rmSync(join(path, name), { force: true });
      } catch (error) {
        throw new NoInputError(
          `cannot remove the previous export's ${name} from ${quoted(options.out)}: ${reason(error)}`,
        );
      }
    }

  const { tables } = exported;
  // Grouped by hand: the first toLocaleString loads the locale data, measured at 80 ms.
  const count = (n: number, what: string) =>
    `${String(n).replace(/\B(?=(\d{3})+$)/g, ',')} ${n === 1 ? what.replace(/s$/, '') : what}`;
  io.out(
    `wrote ${Object.keys(files).length + 1} files to ${escapeControls(options.out)}: ${[
      count(tables.decisions.length, 'decisions'),
      count(tables.rules.length, 'rules'),
      count(tables.citations.length, 'citations'),
      count(tables.jurisdictions.length, 'jurisdictions'),
    ].join(', ')} (${options.format}, as of ${exported.asOf})\n`,
  );
}
