import { STATES } from '../domain/jurisdictions.js';
import type { Matrix } from '../domain/matrix.js';
import { TILE_COLUMNS, TILE_GRID, TILE_ROWS } from '../domain/tile-grid.js';
import { VERDICTS, type Verdict } from '../domain/verdict.js';
import { escapeHtml } from './html-escape.js';
import { profileText, VERDICT_MARK } from './matrix-marks.js';

/**
 * Fill, text colour and pattern of each verdict. The fills are ColorBrewer's RdBu, a scheme
 * readable with the common colour-vision deficiencies; the letter and the pattern say the same
 * again, for print in grey and for anyone who cannot tell the colours apart at all.
 */
export const VERDICT_STYLE: Readonly<Record<Verdict, { fill: string; ink: string; pattern: string | null }>> = {
  allowed: { fill: '#2166ac', ink: '#ffffff', pattern: null },
  conditional: { fill: '#92c5de', ink: '#000000', pattern: 'dots' },
  discouraged: { fill: '#f4a582', ink: '#000000', pattern: 'lines' },
  prohibited: { fill: '#b2182b', ink: '#ffffff', pattern: 'cross' },
};

const TILE = 52;
const GAP = 4;
const PITCH = TILE + GAP;
const TOP = 8;
const LEGEND_HEIGHT = 40;

export interface MapSvgOptions {
  /** Each tile links here (a state page), when given. */
  link?: (state: string) => string;
  /** Prefix of the SVG's element ids, so that several maps can share one page. */
  idPrefix?: string;
}

/** The patterns, drawn over a tile's fill in the tile's own ink, a third of the way to opaque. */
function patternDefs(id: string): string {
  const p = (name: string, size: number, body: string) =>
    `<pattern id="${id}-${name}" width="${size}" height="${size}" patternUnits="userSpaceOnUse">${body}</pattern>`;
  return `<defs>${p('dots', 8, '<circle cx="4" cy="4" r="1.3" fill="#000" fill-opacity="0.35"/>')}${p(
    'lines',
    8,
    '<path d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" stroke="#000" stroke-opacity="0.3" stroke-width="1.5"/>',
  )}${p('cross', 8, '<path d="M0,0 l8,8 M8,0 l-8,8" stroke="#fff" stroke-opacity="0.35" stroke-width="1.5"/>')}</defs>`;
}

/** One tile: its fill, its pattern, the state's code and the verdict's letter, and a title to read aloud. */
function tile(state: string, verdict: Verdict, id: string, link?: (state: string) => string): string {
  const [column, row] = TILE_GRID[state]!;
  const x = column * PITCH;
  const y = TOP + row * PITCH;
  const style = VERDICT_STYLE[verdict];
  const name = STATES[state] ?? state;
  const shapes = [
    `<title>${escapeHtml(`${name}: ${verdict}`)}</title>`,
    `<rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="4" fill="${style.fill}"/>`,
    style.pattern
      ? `<rect x="${x}" y="${y}" width="${TILE}" height="${TILE}" rx="4" fill="url(#${id}-${style.pattern})"/>`
      : '',
    `<text x="${x + TILE / 2}" y="${y + 21}" text-anchor="middle" font-size="15" font-weight="700" fill="${style.ink}">${state}</text>`,
    `<text x="${x + TILE / 2}" y="${y + 42}" text-anchor="middle" font-size="15" fill="${style.ink}">${VERDICT_MARK[verdict]}</text>`,
  ].join('');
  const body = `<g class="tile ${verdict}" data-state="${state}" data-verdict="${verdict}">${shapes}</g>`;
  return link ? `<a href="${escapeHtml(link(state))}">${body}</a>` : body;
}

/** The legend under the grid: a swatch with its pattern and letter, and the verdict's word. */
function legend(id: string, y: number): string {
  return VERDICTS.map((verdict, i) => {
    const x = i * 150;
    const style = VERDICT_STYLE[verdict];
    const pattern = style.pattern
      ? `<rect x="${x}" y="${y}" width="24" height="24" rx="3" fill="url(#${id}-${style.pattern})"/>`
      : '';
    return `<g class="legend ${verdict}"><rect x="${x}" y="${y}" width="24" height="24" rx="3" fill="${style.fill}"/>${pattern}<text x="${x + 12}" y="${y + 17}" text-anchor="middle" font-size="13" fill="${style.ink}">${VERDICT_MARK[verdict]}</text><text x="${x + 30}" y="${y + 17}" font-size="13" fill="#000">${verdict}</text></g>`;
  }).join('');
}

/**
 * One task's verdict in every state and DC as a tile-grid map: a standalone, accessible SVG (a
 * title and a description that lists every state by verdict, for readers that cannot see it; a
 * title on every tile). `matrix` is a matrix by state with the task as its one row.
 */
export function mapSvg(matrix: Matrix, options: MapSvgOptions = {}): string {
  const row = matrix.rows[0];
  if (matrix.by !== 'state' || row === undefined || matrix.rows.length !== 1)
    throw new RangeError('a map shows one task by state');
  const id = options.idPrefix ?? 'map';
  const byVerdict = new Map<Verdict, string[]>();
  matrix.columns.forEach((state, i) => {
    const verdict = row.verdicts[i]!;
    byVerdict.set(verdict, [...(byVerdict.get(verdict) ?? []), state]);
  });
  const width = TILE_COLUMNS * PITCH - GAP;
  const gridHeight = TOP + TILE_ROWS * PITCH;
  const height = gridHeight + LEGEND_HEIGHT;
  const title = `${row.name} (${row.task}): the verdict in each state`;
  const desc = [
    `${profileText(matrix)}.`,
    ...VERDICTS.filter((v) => byVerdict.has(v)).map((v) => `${v}: ${byVerdict.get(v)!.join(', ')}.`),
    `Rules ${matrix.rulesDigest}. Not legal advice.`,
  ].join(' ');
  const tiles = matrix.columns
    .filter((state) => TILE_GRID[state] !== undefined)
    .map((state) => tile(state, row.verdicts[matrix.columns.indexOf(state)]!, id, options.link))
    .join('\n');
  // A picture to a screen reader, unless its tiles are links: an image's parts are hidden from
  // assistive technology, so linked tiles sit in a group, each link named by its tile's title.
  // Named by the title alone; the long list of states by verdict is its description.
  const role = options.link ? 'group' : 'img';
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="${role}" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif">
<title id="${id}-title">${escapeHtml(title)}</title>
<desc id="${id}-desc">${escapeHtml(desc)}</desc>
${patternDefs(id)}
${tiles}
${legend(id, gridHeight + 4)}
</svg>
`;
}
