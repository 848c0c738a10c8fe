import type { RuleSet } from '../domain/rule-set.js';
import { createEvaluator, type Evaluator } from '../evaluate/evaluator.js';
import type { SiteChoices } from '../format/site-checker-form.js';
import type { SiteStamp } from '../format/site-layout.js';
import type { MapProfile } from '../format/site-map-controls.js';
import { defaultProfile } from './default-view.js';
import { siteChoices } from './site-choices.js';

/** What every page of one site is built from. */
export interface SiteContext {
  ruleSet: RuleSet;
  /** One evaluator for every page, so that the maps and tables share its work. */
  evaluator: Evaluator;
  stamp: SiteStamp;
  choices: SiteChoices;
  /** The profile the maps and tables are drawn for unless the reader picks another. */
  profile: Omit<MapProfile, 'task'>;
}

/** The context of a site of these rules, for the rules in force on the stamp's date. */
export const siteContext = (ruleSet: RuleSet, stamp: SiteStamp): SiteContext => ({
  ruleSet,
  evaluator: createEvaluator(ruleSet),
  stamp,
  choices: siteChoices(ruleSet),
  profile: defaultProfile(ruleSet),
});
