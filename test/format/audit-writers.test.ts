import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { AuditTally } from '../../src/audit/audit-tally.js';
import type { AuditRecord, AuditRun } from '../../src/domain/audit.js';
import type { RosterItem } from '../../src/domain/roster.js';
import type { AuditDetail, AuditFormat } from '../../src/format/audit-formats.js';
import type { AuditRunHead } from '../../src/format/audit-run-head.js';
import { auditWriter } from '../../src/format/audit-writer.js';
import { csvField, csvRecord } from '../../src/format/csv-cell.js';
import { escapeHtml } from '../../src/format/html-escape.js';
import { markdownText } from '../../src/format/markdown-text.js';
import { PLAIN } from '../../src/format/paint.js';
import { minimal } from '../helpers/load.js';

const HYPERLINK = '=HYPERLINK("http://x","y")';
const SCRIPT = `<script>alert('x')</script>`;

const ROSTER: RosterItem[] = [
  {
    kind: 'columns',
    line: 1,
    names: ['staff_id', 'name', 'state', 'credentials', 'supervision', 'delegator', 'tasks'],
  },
  {
    kind: 'row',
    line: 2,
    column: 1,
    pointer: '/0',
    cells: ['A-1', HYPERLINK, 'AK', 'CMA', 'direct', 'physician', 'filing;im-injection'],
  },
  {
    kind: 'row',
    line: 3,
    column: 1,
    pointer: '/1',
    cells: ['A-2', SCRIPT, 'AK', 'CMA', 'general', 'physician', 'im-injection'],
  },
  { kind: 'row', line: 4, column: 1, pointer: '/2', cells: ['A-3', 'Bo', 'ZZ', 'CMA', '', '', 'filing'] },
];
const RUN: AuditRun = {
  tool: 'ma-check',
  version: '0.0.0-test',
  rulesDigest: 'sha256:00',
  asOf: '2026-11-25',
  failOn: 'prohibited',
  inputs: [{ role: 'roster', name: 'roster<1>.csv', sha256: 'ab' }],
};
/** The run as a report opens with it: read from a pipe, so without its digest yet. */
const HEAD: AuditRunHead = { ...RUN, inputs: [{ role: 'roster', name: 'roster<1>.csv', sha256: null }] };

async function render(
  format: AuditFormat,
  options: {
    redact?: boolean;
    only?: ('allowed' | 'conditional' | 'discouraged' | 'prohibited')[];
    detail?: AuditDetail;
    pretty?: boolean;
    rows?: RosterItem[];
  } = {},
): Promise<string> {
  const records: AuditRecord[] = [];
  for await (const r of audit(options.rows ?? ROSTER, minimal(), { asOf: '2026-11-25', rosterFile: 'roster.csv' }))
    records.push(r);
  const tally = new AuditTally();
  const writer = auditWriter({
    format,
    redact: options.redact ?? false,
    only: options.only ?? null,
    paint: PLAIN,
    table: false,
    detail: options.detail,
    pretty: options.pretty,
  });
  const decoder = new TextDecoder();
  const text = (c: string | Uint8Array | readonly (string | Uint8Array)[]): string =>
    typeof c === 'string'
      ? c
      : c instanceof Uint8Array
        ? decoder.decode(c)
        : c.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join('');
  let out = text(writer.start(HEAD));
  for (const r of records) {
    tally.add(r);
    out += text(writer.record(r));
  }
  for (const piece of writer.end(tally.result(3), RUN)) out += text(piece);
  writer.close();
  return out;
}

describe('CSV cells', () => {
  test.each([
    'plain',
    'with, comma',
    'with "quote"',
    'two\nlines',
    'cr\rhere',
    '=1+2',
    '+1 555',
    '-3',
    '@SUM(A1)',
    '\tindent',
    '\rcr',
    '\uFF1Dfull-width',
    "'already",
    '',
  ])('csvField writes %j exactly as csv-stringify does', (cell) => expect(csvField(cell)).toBe(csvRecord([cell])));

  test('the audit CSV has the contract columns; a formula name is neutralized', async () => {
    const out = await render('csv');
    const rows = parse(out) as string[][];
    expect(rows[0]).toEqual([
      'line',
      'staff_id',
      'name',
      'states',
      'task',
      'verdict',
      'determined_by',
      'conditions',
      'rules_digest',
    ]);
    expect(rows.slice(1).map((r) => r.slice(0, 6))).toEqual([
      ['2', 'A-1', `'${HYPERLINK}`, 'AK', 'filing', 'allowed'],
      ['2', 'A-1', `'${HYPERLINK}`, 'AK', 'im-injection', 'conditional'],
      ['3', 'A-2', SCRIPT, 'AK', 'im-injection', 'prohibited'],
    ]);
    expect(out).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(rows[2]![7]).toBe('verify: condition written-order');
  });

  test('--redact leaves names out and --only filters the listed rows', async () => {
    const rows = parse(await render('csv', { redact: true, only: ['prohibited'] })) as string[][];
    expect(rows.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual([['A-2', '', 'prohibited']]);
  });
});

/** Rows that repeat decisions: ask the same questions, A-2 another, A-3 is invalid. */
const REPEATS: RosterItem[] = [
  ...ROSTER,
  {
    kind: 'row',
    line: 5,
    column: 1,
    pointer: '/3',
    cells: ['A-4', 'Di', 'AK', 'CMA', 'direct', 'physician', 'im-injection;filing'],
  },
];

const lines = (text: string) =>
  text
    .trimEnd()
    .split('\n')
    .map((l) => JSON.parse(l));

describe('JSON and NDJSON (audit schemaVersion 2)', () => {
  test('JSON: schemaVersion, run, items, decisions, invalid, summary; exactly JSON.stringify of itself, compact or --pretty', async () => {
    for (const detail of ['shared', 'full'] as const)
      for (const redact of [false, true]) {
        const compact = await render('json', { detail, redact, rows: REPEATS });
        const doc = JSON.parse(compact);
        expect(compact).toBe(`${JSON.stringify(doc)}\n`);
        const pretty = await render('json', { detail, redact, rows: REPEATS, pretty: true });
        expect(pretty).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }
    const doc = JSON.parse(await render('json', { rows: REPEATS }));
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'run', 'items', 'decisions', 'invalid', 'summary']);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.run).toEqual(HEAD);
    expect(doc.items[0]).toEqual({
      staffId: 'A-1',
      name: HYPERLINK,
      line: 2,
      task: 'filing',
      states: ['AK'],
      verdict: 'allowed',
      decision: 'd1',
    });
    expect(doc.invalid).toEqual([
      expect.objectContaining({
        staffId: 'A-3',
        code: 'unknown-state',
        file: 'roster.csv',
        line: 4,
        pointer: '/2/state',
      }),
    ]);
    expect(doc.summary).toMatchObject({ rows: 3, decisions: 5, invalid: 1, invalidRows: 1, inputs: RUN.inputs });
    expect(
      JSON.parse(await render('json', { redact: true })).items.every((d: { name: unknown }) => d.name === null),
    ).toBe(true);
  });

  test('each distinct decision is written once, ids in the order of first use; --detail full puts it in every item instead', async () => {
    const shared = JSON.parse(await render('json', { rows: REPEATS }));
    // A-4 asks A-1's questions in another order: its items point at A-1's decisions.
    expect(shared.items.map((i: { staffId: string; decision: string }) => `${i.staffId} ${i.decision}`)).toEqual([
      'A-1 d1',
      'A-1 d2',
      'A-2 d3',
      'A-4 d2',
      'A-4 d1',
    ]);
    expect(shared.decisions.map((d: { id: string }) => d.id)).toEqual(['d1', 'd2', 'd3']);
    expect(Object.keys(shared.decisions[0]).slice(0, 3)).toEqual(['id', 'schemaVersion', 'query']);
    const full = JSON.parse(await render('json', { rows: REPEATS, detail: 'full' }));
    expect(full.decisions).toBeUndefined();
    const byId = new Map(shared.decisions.map(({ id, ...d }: { id: string }) => [id, d]));
    expect(full.items).toEqual(
      shared.items.map((i: { decision: string }) => ({ ...i, decision: byId.get(i.decision) })),
    );
    expect(full.items[0].decision).toMatchObject({ schemaVersion: 1, verdict: 'allowed', task: { id: 'filing' } });
  });

  test('NDJSON: run first, a decision just before the first item that points at it, summary last with the inputs as read', async () => {
    const records = lines(await render('ndjson', { rows: REPEATS }));
    expect(records.map((r) => `${r.type} ${r.id ?? r.decision ?? ''}`.trim())).toEqual([
      'run',
      'decision d1',
      'item d1',
      'decision d2',
      'item d2',
      'decision d3',
      'item d3',
      'invalid',
      'item d2',
      'item d1',
      'summary',
    ]);
    expect(records[0]).toEqual({ type: 'run', schemaVersion: 2, ...HEAD });
    expect(Object.keys(records[2])).toEqual([
      'type',
      'staffId',
      'name',
      'line',
      'task',
      'states',
      'verdict',
      'decision',
    ]);
    expect(records.at(-1)).toMatchObject({ type: 'summary', decisions: 5, inputs: RUN.inputs });
    const full = lines(await render('ndjson', { rows: REPEATS, detail: 'full' }));
    expect(full.map((r) => r.type)).toEqual(['run', 'item', 'item', 'item', 'invalid', 'item', 'item', 'summary']);
    expect(full[1].decision).toEqual(records[1] && (({ type, id, ...d }) => d)(records[1]));
  });

  test('an equal decision made again (another object, as after a cache starts over) keeps its id and is not written again', async () => {
    const records: AuditRecord[] = [];
    for await (const r of audit(REPEATS, minimal(), { asOf: '2026-11-25', rosterFile: 'roster.csv' }))
      records.push(r.type === 'decision' && r.staffId === 'A-4' ? { ...r, decision: structuredClone(r.decision) } : r);
    const writer = auditWriter({ format: 'ndjson', redact: false, only: null, paint: PLAIN, table: false });
    const out = records.map((r) => writer.record(r)).join('');
    const written = lines(out);
    expect(written.filter((r) => r.type === 'decision').map((r) => r.id)).toEqual(['d1', 'd2', 'd3']);
    expect(written.filter((r) => r.type === 'item').map((r) => r.decision)).toEqual(['d1', 'd2', 'd3', 'd2', 'd1']);
  });

  test('--only lists some items, and writes only the decisions they point at; counts stay whole', async () => {
    const records = lines(await render('ndjson', { only: ['prohibited'], rows: REPEATS }));
    expect(records.map((r) => `${r.type} ${r.id ?? r.decision ?? ''}`.trim())).toEqual([
      'run',
      'decision d1',
      'item d1',
      'invalid',
      'summary',
    ]);
    expect(records[1].verdict).toBe('prohibited');
    expect(records.at(-1).decisions).toBe(5);
  });
});

describe('reports for people', () => {
  test('HTML: one file, every roster text escaped, nothing fetched', async () => {
    const html = await render('html');
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).not.toContain('<script');
    expect(html).toContain(escapeHtml(SCRIPT));
    expect(html).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    expect(html).toContain('roster&lt;1&gt;.csv');
    expect(html).not.toMatch(/\s(src|srcset|action|poster)=/i);
    expect(html).not.toMatch(/<(link|img|iframe|object|embed|form)\b/i);
    expect(html).not.toMatch(/url\(/i);
  });

  test('escapeHtml covers what can break out of text or a quoted attribute', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  test('Markdown: roster text cannot become markup', async () => {
    const md = await render('markdown');
    expect(md).toContain(markdownText(SCRIPT));
    expect(md).not.toContain('<script>');
    expect(markdownText('[x](javascript:alert(1)) | *b*\nnext')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\| \\*b\\* next',
    );
  });

  test('text: the counts, then the findings most restrictive first, then the invalid rows', async () => {
    const text = await render('text');
    expect(text).toMatch(
      /^ma-check audit · roster<1>\.csv · as of 2026-11-25\n3 rows read · 3 decisions · 1 invalid record\n/,
    );
    expect(text.indexOf('PROHIBITED  im-injection')).toBeLessThan(text.indexOf('CONDITIONAL  im-injection'));
    expect(text).not.toContain('ALLOWED  filing');
    expect(text).toContain("roster.csv:4:1  error  unknown state 'ZZ'; did you mean 'AZ'?  unknown-state  (staff A-3)");
  });
});
