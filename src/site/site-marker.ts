import { quoted } from '../domain/shown-value.js';
import { isRealDate } from '../evaluate/resolve-query.js';
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

/** A marker file read: the marker, or what is wrong with it, in words for a usage error. */
export type MarkerRead = { ok: true; marker: SiteMarker } | { ok: false; problem: string };

/**
 * The marker a file holds, or why it is not one: not JSON, not written by `site`, or a field that
 * is not what `site` writes (an `asOf` that is not a real date would reach the evaluator).
 */
export function readMarker(text: string): MarkerRead {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'it is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ok: false, problem: 'it is not a JSON object' };
  const m = value as Record<string, unknown>;
  if (m.generator !== GENERATOR) return { ok: false, problem: `its generator is not '${GENERATOR}'` };
  if (!isStringList(m.files)) return { ok: false, problem: "its 'files' is not a list of paths" };
  for (const field of ['version', 'digest', 'asOf'] as const)
    if (typeof m[field] !== 'string') return { ok: false, problem: `its '${field}' is not a string` };
  const asOf = m.asOf as string;
  if (!isRealDate(asOf)) return { ok: false, problem: `its asOf ${quoted(asOf)} is not a date written YYYY-MM-DD` };
  return {
    ok: true,
    marker: { generator: GENERATOR, version: m.version as string, digest: m.digest as string, asOf, files: m.files },
  };
}
