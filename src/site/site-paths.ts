/** Where each page of the site is, relative to its root; every link between pages is relative. */
export const statePath = (code: string): string => `states/${code}.html`;
export const taskPath = (id: string): string => `tasks/${id}.html`;
export const INDEX_PATH = 'index.html';
export const MARKER_PATH = 'ma-check-site.json';
export const ASSET_PATHS = { css: 'assets/site.css', app: 'assets/app.js', data: 'assets/data.js' } as const;
