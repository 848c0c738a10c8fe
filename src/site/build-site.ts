import { STATES } from '../domain/jurisdictions.js';
import type { RuleSet } from '../domain/rule-set.js';
import { SITE_CSS } from '../format/site-css.js';
import type { SiteStamp } from '../format/site-layout.js';
import { credentialTables } from './credential-tables.js';
import { indexPage } from './index-page.js';
import { siteContext } from './site-context.js';
import { dataScript } from './site-data.js';
import { markerText, siteMarker } from './site-marker.js';
import { ASSET_PATHS, INDEX_PATH, MARKER_PATH, statePath, taskPath } from './site-paths.js';
import { statePage } from './state-page.js';
import { taskPage } from './task-page.js';

/** One file of the site: its path relative to the site's root, `/`-separated, and its text. */
export interface SiteFile {
  path: string;
  content: string;
}

export interface SiteInput {
  ruleSet: RuleSet;
  /** YYYY-MM-DD: the rules in force on this date, for every page and for the app. */
  asOf: string;
  version: string;
  /** The browser bundle (dist/site-app.js), copied to assets/app.js as it is. */
  appScript: string;
}

/**
 * Every file of the static site, in path order, the marker last: pure and deterministic (the same
 * rules, date, version and app give the same bytes; nothing records when it ran). The CLI writes them.
 */
export function buildSite(input: SiteInput): SiteFile[] {
  const { ruleSet, asOf, version } = input;
  const stamp: SiteStamp = { digest: ruleSet.digest, asOf, version };
  const site = siteContext(ruleSet, stamp);
  const { evaluator } = site;
  const credentials = credentialTables(evaluator, site.profile, asOf, (state) => `../${statePath(state)}`);
  const files: SiteFile[] = [
    { path: INDEX_PATH, content: indexPage(site) },
    { path: ASSET_PATHS.css, content: SITE_CSS },
    { path: ASSET_PATHS.app, content: input.appScript },
    { path: ASSET_PATHS.data, content: dataScript({ data: ruleSet.data, ...stamp }) },
    ...Object.keys(STATES).map((code) => ({ path: statePath(code), content: statePage(site, code) })),
    ...[...ruleSet.tasks.values()].map((task) => {
      const resolved = evaluator.resolve({ task: task.id, states: ['US'], asOf });
      if (!resolved.ok) throw new RangeError(resolved.problems.map((p) => p.message).join('; '));
      return {
        path: taskPath(task.id),
        content: taskPage(site, task, { baseline: evaluator.evaluate(resolved.query), credentials }),
      };
    }),
  ].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const marker = siteMarker(
    stamp,
    files.map((f) => f.path),
  );
  return [...files, { path: MARKER_PATH, content: markerText(marker) }];
}
