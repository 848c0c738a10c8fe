import { VERDICTS, type Verdict } from '../domain/verdict.js';
import { VERDICT_MARK } from './matrix-marks.js';
import { type HtmlElement, h } from './site-html.js';

/** One state's row: the verdict for each common column, then for each of the state's own credentials. */
export interface CredentialMatrixRow {
  state: string;
  name: string;
  href: string;
  verdicts: readonly Verdict[];
  own: readonly { credential: string; verdict: Verdict }[];
}

/**
 * A verdict in a table cell: its letter, coloured as on the map. The letter alone, with the legend
 * above the table, as `matrix` prints it.
 */
export const verdictCell = (verdict: Verdict, span = 1): HtmlElement =>
  h('td', { class: `v-${verdict}`, colspan: span > 1 ? span : null }, VERDICT_MARK[verdict]);

/**
 * A row's verdicts, neighbouring equal ones as one cell across their columns: a state where the
 * credential changes nothing reads as one verdict, and a page is a fraction of the size.
 */
function verdictCells(verdicts: readonly Verdict[]): HtmlElement[] {
  const cells: HtmlElement[] = [];
  for (let i = 0; i < verdicts.length; ) {
    let end = i + 1;
    while (end < verdicts.length && verdicts[end] === verdicts[i]) end++;
    cells.push(verdictCell(verdicts[i]!, end - i));
    i = end;
  }
  return cells;
}

/** `A allowed · C conditional · …`, for the tables that show letters. */
export const verdictLegend = (): HtmlElement =>
  h(
    'p',
    { class: 'legend' },
    VERDICTS.flatMap((v, i) => [i > 0 ? ' · ' : null, h('span', { class: `swatch v-${v}` }, VERDICT_MARK[v]), ` ${v}`]),
  );

/**
 * States (rows) by credential (columns: none and each national credential), with a last column for
 * the credentials only a state issues, each with its own verdict. Neighbouring equal verdicts share
 * one cell (`colspan`).
 */
export function credentialMatrixTable(
  caption: string,
  columns: readonly string[],
  rows: readonly CredentialMatrixRow[],
): HtmlElement {
  return h(
    'table',
    { class: 'matrix' },
    h('caption', {}, caption),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col' }, 'state'),
        columns.map((c) => h('th', { scope: 'col' }, c)),
        h('th', { scope: 'col' }, "state's own credentials"),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((row) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row' }, h('a', { href: row.href }, `${row.name} (${row.state})`)),
          verdictCells(row.verdicts),
          h(
            'td',
            { class: 'own' },
            row.own.flatMap((o, i) => [
              i > 0 ? ' ' : null,
              h(
                'span',
                { class: 'own-credential' },
                `${o.credential} `,
                h('span', { class: `swatch v-${o.verdict}` }, VERDICT_MARK[o.verdict]),
              ),
            ]),
          ),
        ),
      ),
    ),
  );
}
