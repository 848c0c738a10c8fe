import type { DatasetFormat } from '../domain/dataset.js';
import type { DatasetFileEntry, DatasetManifest } from '../domain/dataset-manifest.js';
import type { ExportedDataset } from './export-dataset.js';

/**
 * The manifest of a written dataset: the tool, the rules and the space it was made from, and each
 * file written. Only what the inputs determine, so a repeated export writes the same bytes.
 */
export function datasetManifest(
  exported: ExportedDataset,
  tool: { name: string; version: string },
  format: DatasetFormat,
  files: Readonly<Record<string, DatasetFileEntry>>,
): DatasetManifest {
  return {
    schemaVersion: 1,
    tool: { name: tool.name, version: tool.version },
    rulesDigest: exported.rulesDigest,
    asOf: exported.asOf,
    format,
    files,
    space: exported.space,
    grid: exported.grid,
  };
}
