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
import { escapeControls } from '../../domain/shown-value.js';
import { datasetCodebook } from '../../format/dataset-codebook.js';
import { datasetManifestText } from '../../format/dataset-manifest.js';
import { datasetTableText } from '../../format/dataset-table.js';
import { thousands } from '../../format/thousands.js';
import { datasetManifest } from '../../space/dataset-manifest.js';
import { exportDataset } from '../../space/export-dataset.js';
import { checkDate } from '../check-date.js';
import type { CommandContext } from '../context.js';
import { datasetFolder, writeDataset } from '../dataset-folder.js';
import { loadRuleSet } from '../load-rule-set.js';
import { collectList } from '../options.js';
import { ruleLocation } from '../rule-location.js';
import { addSpaceOptions, resolveSpaceOptions, type SpaceCliOptions } from '../space-options.js';

interface ExportOptions extends SpaceCliOptions {
  out: string;
  format: DatasetFormat;
  rules?: string[];
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
  // Checked before the work, so that a folder that cannot take the files costs no export; made
  // after it, so that a run stopped while deciding leaves nothing behind.
  const folder = datasetFolder(io.cwd, options.out);
  const exported = exportDataset(ruleSet, space);

  const files: Record<string, DatasetFileEntry> = {};
  await writeDataset(folder, async (writeFile) => {
    for (const table of DATASET_TABLES) {
      const name = datasetFileName(table, options.format);
      const rows = exported.tables[table];
      files[name] = { rows: rows.length, sha256: await writeFile(name, datasetTableText(table, rows, options.format)) };
    }
    files[CODEBOOK_FILE] = { sha256: await writeFile(CODEBOOK_FILE, [datasetCodebook(options.format)]) };
    const manifest = datasetManifest(exported, { name: 'ma-check', version: install.version }, options.format, files);
    await writeFile(MANIFEST_FILE, [datasetManifestText(manifest)]);
  });

  const { tables } = exported;
  const count = (n: number, what: string) => `${thousands(n)} ${n === 1 ? what.replace(/s$/, '') : what}`;
  io.out(
    `wrote ${Object.keys(files).length + 1} files to ${escapeControls(options.out)}: ${[
      count(tables.decisions.length, 'decisions'),
      count(tables.rules.length, 'rules'),
      count(tables.citations.length, 'citations'),
      count(tables.jurisdictions.length, 'jurisdictions'),
    ].join(', ')} (${options.format}, as of ${exported.asOf})\n`,
  );
}
