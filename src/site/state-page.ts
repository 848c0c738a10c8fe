import { stateProfile } from '../evaluate/state-profile.js';
import { sitePage } from '../format/site-layout.js';
import { stateProfileView } from '../format/site-state-profile.js';
import { paramsOf } from './checker-fields.js';
import type { SiteContext } from './site-context.js';
import { INDEX_PATH, taskPath } from './site-paths.js';
import { statePolicy } from './state-policy.js';

/**
 * states/XX.html: what `ma-check state XX` shows, as a page that prints on its own, and, in a site
 * built with `--rules`, the organization policy that covers the state.
 */
export function statePage(site: SiteContext, code: string): string {
  const { ruleSet } = site;
  const profile = stateProfile(ruleSet, code);
  const main = stateProfileView(
    profile,
    {
      taskName: (id) => ruleSet.tasks.get(id)?.name ?? id,
      taskHref: (id) => `../${taskPath(id)}`,
      checkerHref: `../${INDEX_PATH}?${paramsOf({ states: [code] })}#checker-section`,
      ruleNotes: (id) => ruleSet.rules.get(id)?.notes ?? [],
    },
    statePolicy(ruleSet, code, new Set(profile.citations.map((c) => c.id))),
  );
  return sitePage({ title: `${profile.name} (${code})`, root: '../', main, stamp: site.stamp });
}
