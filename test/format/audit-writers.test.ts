import { parse } from 'csv-parse/sync';
import { describe, expect, test } from 'vitest';
import { audit } from '../../src/audit/audit.js';
import { AuditTally } from '../../src/audit/audit-tally.js';
import type { AuditRecord, AuditRun } from '../../src/domain/audit.js';
import type { RosterItem } from '../../src/domain/roster.js';
import type { AuditFormat } from '../../src/format/audit-formats.js';
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

async function render(
  format: AuditFormat,
  options: { redact?: boolean; only?: ('allowed' | 'conditional' | 'discouraged' | 'prohibited')[] } = {},
): Promise<string> {
  const records: AuditRecord[] = [];
  for await (const r of audit(ROSTER, minimal(), { asOf: '2026-11-25', rosterFile: 'roster.csv' })) records.push(r);
  const tally = new AuditTally();
  const writer = auditWriter({
    format,
    redact: options.redact ?? false,
    only: options.only ?? null,
    paint: PLAIN,
    table: false,
  });
  const decoder = new TextDecoder();
  const text = (c: string | Uint8Array | readonly (string | Uint8Array)[]): string =>
    typeof c === 'string'
      ? c
      : c instanceof Uint8Array
        ? decoder.decode(c)
        : c.map((p) => (typeof p === 'string' ? p : decoder.decode(p))).join('');
  let out = text(writer.start());
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

describe('JSON and NDJSON', () => {
  test('JSON: schemaVersion, decisions (staffId, name, line, then the decision), invalid, run, summary', async () => {
    const doc = JSON.parse(await render('json'));
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'decisions', 'invalid', 'run', 'summary']);
    expect(Object.keys(doc.decisions[0]).slice(0, 5)).toEqual(['staffId', 'name', 'line', 'schemaVersion', 'query']);
    expect(doc.decisions[0]).toMatchObject({ staffId: 'A-1', name: HYPERLINK, line: 2, verdict: 'allowed' });
    expect(doc.invalid).toEqual([
      expect.objectContaining({
        staffId: 'A-3',
        code: 'unknown-state',
        file: 'roster.csv',
        line: 4,
        pointer: '/2/state',
      }),
    ]);
    expect(doc.summary).toMatchObject({ rows: 3, decisions: 3, invalid: 1, invalidRows: 1 });
    expect(
      JSON.parse(await render('json', { redact: true })).decisions.every((d: { name: unknown }) => d.name === null),
    ).toBe(true);
  });

  test('NDJSON: one value per line, run and summary last; --only keeps counts whole', async () => {
    const lines = (await render('ndjson', { only: ['prohibited'] }))
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines.map((l) => l.type)).toEqual(['decision', 'invalid', 'run', 'summary']);
    expect(lines.at(-2)).toMatchObject({
      schemaVersion: 1,
      tool: 'ma-check',
      inputs: [{ name: 'roster<1>.csv', sha256: 'ab' }],
    });
    expect(lines.at(-1).decisions).toBe(3);
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
