import type { AuditDecision, AuditInvalid, AuditRun, AuditSummary, VerdictCounts } from '../domain/audit.js';
import type { Decision } from '../domain/decision.js';
import type { Citation } from '../domain/schema/definitions.js';
import { conditionPhrase, decisiveConditions, statesOf, whatDecides } from './audit-conditions.js';
import { diagnosticText } from './audit-invalid.js';
import {
  findingCites,
  findingsTitle,
  lines,
  type ReportHead,
  type ReportLayout,
  total,
  VERDICTS_STRICTEST_FIRST,
  who,
} from './audit-report.js';
import type { Chunk } from './chunk.js';
import { citationLine } from './decision-text.js';
import { escapeHtml as h } from './html-escape.js';

/** Inline and small: the file must stand alone, so nothing is fetched, not even a font. */
const STYLE = `body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:72rem;padding:0 1rem;color:#1b1b1b}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}
td.n{text-align:right}th{background:#f3f3f3}ul{margin:0;padding-left:1.1rem}.meta,footer{color:#555}
.v{font-weight:700;text-transform:uppercase;white-space:nowrap}.prohibited{color:#a40000}.discouraged{color:#8a4b00}.conditional{color:#6b5d00}.allowed{color:#1d6b1d}
code{font-size:.9em}`;

const countsTable = (key: string, rows: Record<string, VerdictCounts>): string =>
  `<table><thead><tr><th>${key}</th><th>decisions</th>${VERDICTS_STRICTEST_FIRST.map((v) => `<th>${v}</th>`).join('')}</tr></thead><tbody>${Object.entries(
    rows,
  )
    .map(
      ([k, c]) =>
        `<tr><td>${h(k)}</td><td class="n">${total(c)}</td>${VERDICTS_STRICTEST_FIRST.map((v) => `<td class="n">${c[v]}</td>`).join('')}</tr>`,
    )
    .join('')}</tbody></table>`;

/** Cited ids link to the source list in the same file. */
const citeLinks = (ids: readonly string[]): string =>
  ids.map((id) => `<a href="#cite-${h(id)}">${h(id)}</a>`).join(', ');

/**
 * The audit as one self-contained HTML page: inline style, no script, no external request (a
 * Content-Security-Policy says so to the browser too), and every piece of text escaped.
 */
export class AuditHtml implements ReportLayout {
  readonly citesSources = true;
  /** Decisions are shared and frozen, so the cells that depend only on the decision are written once per decision. */
  private readonly cells = new WeakMap<Decision, string>();

  constructor(private readonly redact: boolean) {}

  head({ run, summary: s, findings, listed }: ReportHead): string {
    const inputs = run.inputs.map((i) => h(i.name)).join(' and ');
    const out: string[] = [
      '<!DOCTYPE html>',
      '<html lang="en">',
      '<head>',
      '<meta charset="utf-8">',
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
      '<meta name="viewport" content="width=device-width, initial-scale=1">',
      `<title>Compliance audit: ${inputs}</title>`,
      `<style>${STYLE}</style>`,
      '</head>',
      '<body>',
      `<h1>Compliance audit: ${inputs}</h1>`,
      `<p class="meta">As of <strong>${h(run.asOf)}</strong>: ${s.rows} rows read, ${s.decisions} decisions, ${s.invalidRows} invalid record${s.invalidRows === 1 ? '' : 's'}.</p>`,
      '<h2>Summary</h2>',
      `<table><thead><tr><th>verdict</th><th>decisions</th></tr></thead><tbody>${VERDICTS_STRICTEST_FIRST.map((v) => `<tr><td class="v ${v}">${v}</td><td class="n">${s.byVerdict[v]}</td></tr>`).join('')}</tbody></table>`,
    ];
    if (Object.keys(s.byState).length > 0) out.push('<h3>By state</h3>', countsTable('state', s.byState));
    if (Object.keys(s.byTask).length > 0) out.push('<h3>By task</h3>', countsTable('task', s.byTask));
    out.push(`<h2>Findings: ${h(findingsTitle(findings, listed))}</h2>`);
    return lines(out);
  }

  finding(f: AuditDecision): string {
    const d = f.decision;
    let cells = this.cells.get(d);
    if (cells === undefined) {
      const conditions = [...new Set(decisiveConditions(d).map((c) => conditionPhrase(c, d.byState.length > 1)))].map(
        (text) => `<li>${h(text)}</li>`,
      );
      const decides = conditions.length > 0 ? `<ul>${conditions.join('')}</ul>` : h(whatDecides(d)) || '—';
      cells =
        `<td>${h(statesOf(d).replace(/;/g, ', ') || 'not given')}</td><td><code>${h(d.task.id)}</code></td><td>${decides}</td>` +
        `<td>${d.determinedBy.map((id) => `<code>${h(id)}</code>`).join(', ')}</td><td>${citeLinks(findingCites(d))}</td></tr>\n`;
      this.cells.set(d, cells);
    }
    return `<tr><td class="v ${d.verdict}">${d.verdict}</td><td class="n">${f.line}</td><td>${h(who(f, this.redact))}</td>${cells}`;
  }

  *findings(count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) {
      yield lines(['<p>None.</p>']);
      return;
    }
    yield lines([
      '<table><thead><tr><th>verdict</th><th>line</th><th>staff</th><th>state</th><th>task</th><th>what decides it</th><th>determined by</th><th>sources</th></tr></thead><tbody>',
    ]);
    yield* spooled;
    yield lines(['</tbody></table>']);
  }

  invalid(i: AuditInvalid): string {
    return `<li><code>${h(diagnosticText(i))}</code></li>`;
  }

  *invalids(summary: AuditSummary, count: number, spooled: Iterable<string | Uint8Array>): Iterable<Chunk> {
    if (count === 0) return;
    yield lines([
      `<h2>Invalid records: ${summary.invalidRows}</h2>`,
      '<p>What these entries name was not audited.</p>',
    ]);
    // One line: the entries follow each other inside the list.
    yield '<ul>';
    yield* spooled;
    yield lines(['</ul>']);
  }

  tail(run: AuditRun, sources: readonly Citation[]): string {
    const out: string[] = [];
    if (sources.length > 0) {
      out.push('<h2>Sources</h2>', '<ul>');
      for (const c of sources) {
        const text = h(citationLine({ ...c, url: undefined }));
        const link = c.url ? ` <a href="${h(c.url)}" rel="noopener noreferrer">${h(c.url)}</a>` : '';
        out.push(`<li id="cite-${h(c.id)}"><code>${h(c.id)}</code>: ${text}${link}</li>`);
      }
      out.push('</ul>');
    }
    const hashes = run.inputs.map((i) => `${h(i.name)} sha256 <code>${h(i.sha256)}</code>`).join('; ');
    out.push(
      `<footer><p>${hashes}; rules <code>${h(run.rulesDigest)}</code>; ma-check ${h(run.version)}. A reference aid, not legal advice: confirm with the state board.</p></footer>`,
      '</body>',
      '</html>',
    );
    return lines(out);
  }
}
