import { createEvaluator } from '../evaluate/evaluator.js';
import { indexRules } from '../rules/index-rules.js';
import { SITE_DATA_GLOBAL, type SiteData } from '../site/site-data.js';
import { startChecker } from './checker.js';
import { browserWindow, type DomDocument, type DomElement } from './dom.js';
import { startMap } from './map-view.js';

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** Says on the page, where a reader sees it, that a part did not start; the static map and the pages still work. */
function reportFailure(doc: DomDocument, sectionId: string, text: string): void {
  const note = doc.createElement('p');
  note.setAttribute('class', 'app-error');
  note.setAttribute('role', 'alert');
  note.textContent = text;
  (doc.getElementById(sectionId) ?? doc.body).append(note);
}

/**
 * The site's app (dist/site-app.js, copied to assets/app.js): the rule data assets/data.js set,
 * indexed as the CLI indexes it, answering the map and the checker with the CLI's own evaluator.
 * Each part starts on its own, so a map that fails leaves a working checker and the other way
 * round. `data-ready` on the body says it has started: `true`, or `error` when a part could not.
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
  const parts = [
    {
      hook: 'map-controls',
      section: 'map-section',
      name: 'The map',
      run: () =>
        startMap({
          window,
          evaluator,
          asOf: site.asOf,
          controls: byId('map-controls'),
          map: byId('map'),
          caption: byId('map-caption'),
        }),
    },
    {
      hook: 'checker',
      section: 'checker-section',
      name: 'The checker',
      run: () => startChecker({ window, evaluator, asOf: site.asOf, form: byId('checker'), answer: byId('answer') }),
    },
  ];
  let failed = false;
  for (const part of parts) {
    if (doc.getElementById(part.hook) === null) continue;
    try {
      part.run();
    } catch (error) {
      failed = true;
      reportFailure(doc, part.section, `${part.name} could not start: ${messageOf(error)}`);
    }
  }
  doc.body.setAttribute('data-ready', failed ? 'error' : 'true');
}

try {
  start();
} catch (error) {
  // Without the rule data neither part can start.
  const doc = browserWindow().document;
  doc.body.setAttribute('data-ready', 'error');
  reportFailure(doc, 'checker-section', `The checker and the map could not start: ${messageOf(error)}`);
}
