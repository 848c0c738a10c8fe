import type { DatasetManifest } from '../domain/dataset-manifest.js';

/** `manifest.json`: indented for people reading it, keys in a fixed order, a final newline. */
export const datasetManifestText = (manifest: DatasetManifest): string => `${JSON.stringify(manifest, null, 2)}\n`;
