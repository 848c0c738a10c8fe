import type { DatasetFormat, DatasetSpace } from './dataset.js';
import type { ProfileGridSummary } from './query-space.js';

/** A written file of the dataset: its rows (tables only) and the sha256 of its bytes, in hex. */
export interface DatasetFileEntry {
  readonly rows?: number;
  readonly sha256: string;
}

/**
 * `manifest.json`: what made the dataset and what it holds. Nothing of the run itself (no clock,
 * no path, no host), so the same rules, options and date give the same bytes.
 */
export interface DatasetManifest {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: string; readonly version: string };
  /** `sha256:<hex>` of the rule set, overlays included (`RuleSet.digest`). */
  readonly rulesDigest: string;
  readonly asOf: string;
  readonly format: DatasetFormat;
  /** Every other file of the dataset by name, tables first, in the order written. */
  readonly files: Readonly<Record<string, DatasetFileEntry>>;
  readonly space: DatasetSpace;
  readonly grid: ProfileGridSummary;
}
