import { createEvaluator } from '../evaluate/evaluator.js';
import { indexRules } from '../rules/index-rules.js';
import { SITE_DATA_GLOBAL, type SiteData } from '../site/site-data.js';
import { startChecker } from './checker.js';
import { browserWindow, type DomElement } from './dom.js';
import { startMap } from './map-view.js';

/**
 * The site's app (dist/site-app.js, copied to assets/app.js): the rule data assets/data.js set,
 * indexed as the CLI indexes it, answering the map and the checker with the CLI's own evaluator.
 * `data-ready="true"` on the body says it has started.
 */
function start(): void {
  const window = browserWindow();
  const doc = window.document;
  const byId = (id: string): DomElement => {
    const found = doc.getElementById(id);
    if (found === null) throw new Error(`the page has no #${id}`);
    return found;
  };
  const site = (globalThis as Record<string, unknown>)[SITE_DATA_GLOBAL] as SiteData | undefined;
  if (site === undefined) throw new Error('the rule data (assets/data.js) did not load');
  // One evaluator for the map and the checker: what one has worked out, the other reuses.
  const evaluator = createEvaluator(indexRules(site.data, site.digest));
  if (doc.getElementById('map-controls') !== null)
    startMap({
      window,
      evaluator,
      asOf: site.asOf,
      controls: byId('map-controls'),
      map: byId('map'),
      caption: byId('map-caption'),
    });
  if (doc.getElementById('checker') !== null)
    startChecker({
      window,
      evaluator,
      asOf: site.asOf,
      form: byId('checker'),
      answer: byId('answer'),
    });
  doc.body.setAttribute('data-ready', 'true');
}

try {
  start();
} catch (error) {
  // Said on the page, where a reader sees it; the static map and the pages still work.
  const doc = browserWindow().document;
  doc.body.setAttribute('data-ready', 'error');
  const note = doc.createElement('p');
  note.setAttribute('class', 'app-error');
  note.setAttribute('role', 'alert');
  note.textContent = `The checker could not start: ${error instanceof Error ? error.message : String(error)}`;
  (doc.getElementById('checker-section') ?? doc.body).append(note);
}
