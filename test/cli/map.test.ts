import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { runMain, STACK_TRACE } from '../helpers/memory-io.js';

const dir = mkdtempSync(join(tmpdir(), 'ma-check-map-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ARGS = [
  'map',
  'iv-insertion',
  '--cert',
  'CMA',
  '--supervision',
  'direct',
  '--delegator',
  'physician',
  '--as-of',
  '2026-11-25',
];

describe('ma-check map (in process)', () => {
  test('the issue’s example writes an SVG with 51 tiles, each with its verdict, a title and a text fallback', async () => {
    const out = join(dir, 'm.svg');
    const { code, stderr } = await runMain([...ARGS, '--out', out]);
    expect(code).toBe(0);
    expect(stderr).toMatch(/^wrote .*m\.svg/);
    const svg = readFileSync(out, 'utf8');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    const tiles = [...svg.matchAll(/<g class="tile (\w+)" data-state="([A-Z]{2})" data-verdict="(\w+)">/g)];
    expect(tiles).toHaveLength(51);
    expect(new Set(tiles.map((t) => t[2])).size).toBe(51);
    // Named by its title, described by the long text: a name that held the description would be read in full each time.
    expect(svg).toContain('role="img" aria-labelledby="map-title" aria-describedby="map-desc"');
    expect(svg).toMatch(/<title id="map-title">Peripheral IV insertion \(iv-insertion\)/);
    // The text fallback names every state under its verdict.
    const desc = /<desc id="map-desc">(.*)<\/desc>/.exec(svg)![1]!;
    for (const [, , state, verdict] of tiles) expect(desc).toMatch(new RegExp(`${verdict}: [^.]*\\b${state}\\b`));
    expect(svg).toMatch(/<title>Washington: \w+<\/title>/);
  });

  test('the tiles agree with matrix, and without --out the SVG goes to stdout', async () => {
    const { stdout: svg } = await runMain(ARGS);
    const json = JSON.parse(
      (await runMain(['matrix', ...ARGS.slice(2), '--tasks', 'iv-insertion', '--format', 'json'])).stdout,
    );
    json.columns.forEach((state: string, i: number) => {
      expect(svg).toContain(`data-state="${state}" data-verdict="${json.rows[0].verdicts[i]}"`);
    });
  });

  test.each([
    [['map', 'iv-insertoin'], /unknown task 'iv-insertoin'/, 64],
    [
      [...ARGS, '--out', join(dir, 'no', 'such', 'dir', 'm.svg')],
      /--out '.*m\.svg': cannot write the map \(ENOENT\)/,
      64,
    ],
  ])('%j: one line, exit %i', async (args, message, exit) => {
    const { code, stderr } = await runMain(args);
    expect(code).toBe(exit);
    expect(stderr).toMatch(message);
    expect(stderr).not.toMatch(STACK_TRACE);
  });
});
