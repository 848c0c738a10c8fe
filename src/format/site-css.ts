import { VERDICTS } from '../domain/verdict.js';
import { VERDICT_STYLE } from './map-svg.js';

/** Each verdict's fill and ink, the map's own (VERDICT_STYLE), for badges and table cells. */
const verdictColours = VERDICTS.map((v) => {
  const { fill, ink } = VERDICT_STYLE[v];
  return `.verdict-${v},.v-${v}{background:${fill};color:${ink}}`;
}).join('\n');

/**
 * The site's one style sheet (assets/site.css): system fonts only, nothing fetched. Screen first;
 * in print, one page's content alone, with every citation's address written out.
 */
export const SITE_CSS = `:root{--ink:#1b1b1b;--muted:#595959;--line:#c8c8c8;--accent:#0b4f9c;--focus:#c05600;--paper:#fff;--soft:#f3f5f8}
*{box-sizing:border-box}
body{font:16px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--ink);background:var(--paper);margin:0}
main,.site-header nav,.site-footer{max-width:72rem;margin:0 auto;padding:0 1rem}
main{padding-bottom:2rem}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible,summary:focus-visible,[tabindex]:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
svg a:focus-visible{outline:3px solid var(--focus)}
main:focus{outline:none}
.skip-link{position:absolute;left:-999px;top:0;background:var(--paper);padding:.5rem 1rem;z-index:10}
.skip-link:focus{left:1rem}
.site-header{background:var(--soft);border-bottom:1px solid var(--line)}
.site-header ul{list-style:none;display:flex;flex-wrap:wrap;gap:1.25rem;margin:0;padding:.75rem 0}
.site-header .brand{font-weight:700}
.site-footer{border-top:1px solid var(--line);color:var(--muted);font-size:.9rem;padding-top:1rem;padding-bottom:2rem}
.not-legal-advice{font-weight:600;color:var(--ink)}
h1{font-size:1.8rem;line-height:1.2}
h2{margin-top:2rem;border-bottom:1px solid var(--line);padding-bottom:.2rem}
code{font-size:.9em;overflow-wrap:anywhere}
/* A digest, an address or a list of rule ids is one long word: on a phone it breaks rather than widen the page. */
.meta,.locator,.by-state td{overflow-wrap:anywhere}
.muted,.hint,.meta,.reviewed,.from,.locator{color:var(--muted)}
.hint{display:block;font-size:.9rem;margin:.2rem 0}
.lead{font-size:1.1rem}
.sr-only{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0,0,0,0);white-space:nowrap;border:0}
table{border-collapse:collapse;margin:.5rem 0 1.5rem}
th,td{border:1px solid var(--line);padding:.3rem .5rem;text-align:left;vertical-align:top}
thead th{background:var(--soft)}
caption{text-align:left;font-weight:600;padding:.3rem 0}
.table-scroll{overflow-x:auto}
.matrix td[class^="v-"]{text-align:center;font-weight:700;min-width:2.2rem}
.matrix td.own{font-size:.9rem}
.own-credential{white-space:nowrap}
.swatch{display:inline-block;min-width:1.6em;text-align:center;font-weight:700;border-radius:3px;padding:0 .2em}
.verdict{display:inline-block;font-weight:700;border-radius:4px;padding:.15rem .6rem;letter-spacing:.03em}
.verdict-mark{display:inline-block;border-right:1px solid currentColor;padding-right:.4rem;margin-right:.1rem}
${verdictColours}
.verdict-line{font-size:1.1rem}
.conditions{list-style:none;padding-left:0}
.conditions li{margin:.25rem 0}
.status-mark{display:inline-block;width:1.3em;font-weight:700;text-align:center}
.status-unmet .status-mark{color:#a40000}
.status-unknown .status-mark{color:#7a5b00}
.status-met .status-mark{color:#1d6b1d}
.not-decisive{color:var(--muted)}
.facts{display:grid;grid-template-columns:max-content 1fr;gap:.2rem 1rem}
.facts dt{font-weight:600}
.facts dd{margin:0}
.source{display:inline-block;font-size:.8rem;font-weight:700;text-transform:uppercase;border:1px solid currentColor;border-radius:3px;padding:0 .3rem}
.source-official{color:#1d6b1d}
.source-copy{color:#0b4f9c}
.source-commentary{color:#7a4b00}
.kind{font-size:.85rem;color:var(--muted)}
.citations li{margin:.35rem 0}
.rule{border-left:3px solid var(--line);padding-left:.8rem;margin:1rem 0}
.rule h3{font-size:1rem;margin-bottom:.2rem}
.field{margin:.8rem 0}
.field label{display:block;font-weight:600}
select,button,input{font:inherit}
select{max-width:100%;padding:.2rem}
button{background:var(--accent);color:#fff;border:0;border-radius:4px;padding:.45rem 1.2rem;cursor:pointer}
fieldset{border:1px solid var(--line);border-radius:4px;margin:.8rem 0}
legend{font-weight:600;padding:0 .3rem}
.checkboxes{list-style:none;padding:0;margin:.3rem 0;display:grid;grid-template-columns:repeat(auto-fill,minmax(14rem,1fr));gap:.1rem 1rem}
.map-controls{display:flex;flex-wrap:wrap;gap:0 1.5rem}
#map svg,.map svg{max-width:100%;height:auto}
.map-controls .field{min-width:0;max-width:100%}
.answer{border:1px solid var(--line);border-radius:6px;padding:0 1rem 1rem;margin-top:1rem}
.answer:empty{display:none}
.problems{color:#a40000}
.columns{columns:16rem auto;padding-left:1.2rem}
.app-error{color:#a40000;font-weight:600}
@media print{
/* The forms go, the checker's answer stays: printing an answer is printing the page. */
.site-header,.skip-link,.no-print,form,#map-controls,noscript{display:none!important}
body{font-size:11pt;color:#000}
main,.site-footer{max-width:none;padding:0}
a{color:#000;text-decoration:none}
a.cite-link[href^="http"]::after{content:" <" attr(href) ">";font-size:.9em;overflow-wrap:anywhere}
.rule,.citations li,tr{break-inside:avoid}
h2,h3{break-after:avoid}
.verdict,.swatch,.v-allowed,.v-conditional,.v-discouraged,.v-prohibited{print-color-adjust:exact;-webkit-print-color-adjust:exact}
}
`;
