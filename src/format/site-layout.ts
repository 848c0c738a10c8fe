import { type HtmlNode, h, renderHtml, trustedHtml } from './site-html.js';

/**
 * Nothing but the site's own files: its script, its style sheet, and data: images. The pages never
 * submit a form (the checker answers in the page) and never fetch anything.
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

export const NOT_LEGAL_ADVICE =
  'ma-check is a reference aid, not legal advice: every answer comes from the cited rules as encoded on the date shown. Read the sources, and ask your state board or counsel when it matters.';

/** What every page says it was made from. */
export interface SiteStamp {
  digest: string;
  asOf: string;
  version: string;
}

export interface SitePage {
  title: string;
  /** The way back to the site's root from the page: '' or '../'. Every link is relative, for file:// and shares. */
  root: string;
  main: HtmlNode;
  stamp: SiteStamp;
  /** The page runs the app (assets/data.js, then assets/app.js). */
  app?: boolean;
}

/** A whole page: the CSP, a skip link, landmarks, the not-legal-advice note and the stamp. */
export function sitePage(page: SitePage): string {
  const { root, stamp } = page;
  // On the index itself, a section is a fragment of this page: the checker's question in the address stays.
  const home = root === '' ? '' : `${root}index.html`;
  const head = h(
    'head',
    {},
    h('meta', { charset: 'utf-8' }),
    // As written, quotes and all, so the policy reads (and greps) as the constant: it holds no `"`, `<` or `&`.
    trustedHtml(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">\n`),
    h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
    h('meta', { name: 'referrer', content: 'no-referrer' }),
    h('meta', { name: 'generator', content: `ma-check ${stamp.version}` }),
    h('title', {}, `${page.title} · ma-check`),
    h('link', { rel: 'stylesheet', href: `${root}assets/site.css` }),
    page.app
      ? [
          h('script', { src: `${root}assets/data.js`, defer: true }),
          h('script', { src: `${root}assets/app.js`, defer: true }),
        ]
      : null,
  );
  const body = h(
    'body',
    {},
    h('a', { class: 'skip-link', href: '#main' }, 'Skip to content'),
    h(
      'header',
      { class: 'site-header' },
      h(
        'nav',
        { 'aria-label': 'Site' },
        h(
          'ul',
          {},
          h('li', {}, h('a', { href: `${root}index.html`, class: 'brand' }, 'ma-check')),
          h('li', {}, h('a', { href: `${home}#map-section` }, 'Map')),
          h('li', {}, h('a', { href: `${home}#checker-section` }, 'Checker')),
          h('li', {}, h('a', { href: `${home}#states` }, 'States')),
          h('li', {}, h('a', { href: `${home}#tasks` }, 'Tasks')),
        ),
      ),
    ),
    h('main', { id: 'main', tabindex: '-1' }, page.main),
    h(
      'footer',
      { class: 'site-footer' },
      h('p', { class: 'not-legal-advice' }, NOT_LEGAL_ADVICE),
      h(
        'p',
        { class: 'stamp' },
        'Rules ',
        h('code', { class: 'digest' }, stamp.digest),
        ' · as of ',
        h('time', { class: 'as-of', datetime: stamp.asOf }, stamp.asOf),
        ` · ma-check ${stamp.version}`,
      ),
    ),
  );
  return `<!DOCTYPE html>\n${renderHtml(h('html', { lang: 'en' }, head, body))}`;
}
