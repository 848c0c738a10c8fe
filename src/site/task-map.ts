import type { Matrix } from '../domain/matrix.js';
import type { Evaluator } from '../evaluate/evaluator.js';
import type { QueryProblem } from '../evaluate/resolve-query.js';
import { mapSvg } from '../format/map-svg.js';
import { profileText, verdictCounts } from '../format/matrix-marks.js';
import type { MapProfile } from '../format/site-map-controls.js';
import { matrix } from '../space/matrix.js';
import { fixedProfileOf } from '../space/profile-grid.js';

/**
 * The matrix behind a map: one task by state for a profile, read as `ma-check map` reads its
 * options (names resolved as `check` resolves them; '' leaves a fact unknown). The site's pages
 * and the app in the browser both draw their maps from it.
 */
export function mapMatrix(
  evaluator: Evaluator,
  profile: MapProfile,
  asOf: string,
): { ok: true; matrix: Matrix } | { ok: false; problems: QueryProblem[] } {
  const resolved = evaluator.resolve({
    task: profile.task,
    credentials: profile.credential === '' ? null : [profile.credential],
    supervision: profile.supervision === '' ? null : profile.supervision,
    delegator: profile.delegator === '' ? null : profile.delegator,
    asOf,
  });
  if (!resolved.ok) return resolved;
  const { query } = resolved;
  const fixed = fixedProfileOf(query);
  return { ok: true, matrix: matrix(evaluator.ruleSet, { asOf, tasks: [query.task], fixed }, evaluator) };
}

/** Under a map: its profile in words and how many states have each verdict. */
export const mapCaption = (m: Matrix): string => `${profileText(m)}. ${verdictCounts(m)}.`;

/**
 * The map's SVG, each tile a link to its state's page (`link` gives the relative address from the
 * page the map is on). mapSvg escapes every text it writes, so the markup may be inserted as it is.
 */
export const mapMarkup = (m: Matrix, link: (state: string) => string): string => mapSvg(m, { link, idPrefix: 'map' });
