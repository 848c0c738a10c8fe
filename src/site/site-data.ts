import type { RuleData } from '../domain/rule-set.js';
import type { SiteStamp } from '../format/site-layout.js';

/** What assets/data.js gives the app: the rule data the CLI evaluates, and the stamp of the site. */
export interface SiteData extends SiteStamp {
  data: RuleData;
}

/** The global assets/data.js sets: pages opened from file:// cannot fetch a JSON file, but can run a script. */
export const SITE_DATA_GLOBAL = 'MA_CHECK_DATA';

/**
 * JSON with `<`, `>`, `&` and every character outside ASCII written as `\uXXXX`: the same value,
 * a file that reads the same whatever charset it is taken for, and no text from a rule file that
 * looks like markup to anything that scans the file.
 */
const scriptJson = (value: unknown): string =>
  JSON.stringify(value).replace(/[<>&\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

/** assets/data.js: the data as a script that sets `globalThis.MA_CHECK_DATA`. */
export function dataScript(site: SiteData): string {
  const payload: SiteData = { data: site.data, digest: site.digest, asOf: site.asOf, version: site.version };
  return `// ma-check ${site.version}: the rule data ${site.digest}, for the rules in force on ${site.asOf}.\nglobalThis.${SITE_DATA_GLOBAL} = ${scriptJson(payload)};\n`;
}
