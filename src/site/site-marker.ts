import type { SiteStamp } from '../format/site-layout.js';

const GENERATOR = 'ma-check site';

/**
 * ma-check-site.json, written into every site: what it was made from and every file it holds. It
 * is how `site --out` knows a folder is a site it may write over (and which files are its own),
 * and how `site --check` knows the as-of date to regenerate for.
 */
export interface SiteMarker extends SiteStamp {
  generator: typeof GENERATOR;
  files: string[];
}

export const siteMarker = (stamp: SiteStamp, files: readonly string[]): SiteMarker => ({
  generator: GENERATOR,
  version: stamp.version,
  digest: stamp.digest,
  asOf: stamp.asOf,
  files: [...files],
});

export const markerText = (marker: SiteMarker): string => `${JSON.stringify(marker, null, 2)}\n`;

const isStringList = (value: unknown): value is string[] =>
  Array.isArray(value) && value.every((v) => typeof v === 'string');

/** The marker a file holds, or undefined when it is not one (not JSON, or not written by `site`). */
export function readMarker(text: string): SiteMarker | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const m = value as Record<string, unknown>;
  if (m.generator !== GENERATOR || !isStringList(m.files)) return undefined;
  if (typeof m.version !== 'string' || typeof m.digest !== 'string' || typeof m.asOf !== 'string') return undefined;
  return { generator: GENERATOR, version: m.version, digest: m.digest, asOf: m.asOf, files: m.files };
}
