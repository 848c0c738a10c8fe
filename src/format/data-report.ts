import { stringify } from 'csv-stringify/sync';
import type { DataReport, SourceStats } from '../domain/source-stats.js';
import { CITATION_SOURCES } from '../domain/vocabulary.js';
import { markdownCell } from './escape.js';
import { markdownTable, textTable } from './table-text.js';

const pct = (n: number, of: number): string => (of === 0 ? '-' : `${((100 * n) / of).toFixed(1)}%`);
const ratio = (n: number, of: number): string => (of === 0 ? '-' : `${n}/${of}`);

const HEADER = [
  'code',
  'coverage',
  'official',
  'copy',
  'commentary',
  'law rules',
  'official source',
  'official law text',
  'state-determined',
  'delegation',
  'last read',
];
const row = (s: SourceStats): string[] => [
  s.code,
  s.coverage,
  String(s.citations.official),
  String(s.citations.copy),
  String(s.citations.commentary),
  String(s.lawRules),
  ratio(s.lawRulesOfficial, s.lawRules),
  ratio(s.lawRulesOfficialText, s.lawRules),
  ratio(s.stateDetermined, s.stateGoverned),
  s.delegation,
  s.reviewDays.at(-1) ?? '',
];

/** The overall figures as sentences, for people. */
function overallLines(report: DataReport): string[] {
  const o = report.overall;
  const citations = CITATION_SOURCES.reduce((n, q) => n + o.citations[q], 0);
  return [
    `citations         ${citations}: ${CITATION_SOURCES.map((q) => `${o.citations[q]} ${q} (${pct(o.citations[q], citations)})`).join(', ')}`,
    `state law rules   ${o.lawRules}: ${o.lawRulesOfficial} cite an official source (${pct(o.lawRulesOfficial, o.lawRules)}), ${o.lawRulesOfficialText} the official text of the law (${pct(o.lawRulesOfficialText, o.lawRules)}), ${o.lawRulesCommentaryOnly.length} rest on commentary alone${o.lawRulesCommentaryOnly.length ? ` (${o.lawRulesCommentaryOnly.join(', ')})` : ''}`,
    `delegation        ${o.delegation.provision} provisions, ${o.delegation.none} cited findings that none exists, ${o.delegation.missing} not researched`,
    `state-determined  ${o.stateDetermined} of ${o.stateGoverned} clinical, laboratory, imaging and specialized decisions (${pct(o.stateDetermined, o.stateGoverned)})`,
    `last read         ${Object.entries(o.reviewDays)
      .map(([day, n]) => `${day}: ${n}`)
      .join(', ')} (citations and rules, by day)`,
  ];
}

const title = (report: DataReport): string =>
  `Source quality of the rules, as of ${report.asOf}; decisions measured for a ${report.profile.credentials.join(', ')} under ${report.profile.supervision} supervision, delegated by a ${report.profile.delegator}`;

/** `ma-check sources --stats` for a person at a terminal. */
export function dataReportText(report: DataReport): string {
  return [title(report), '', ...overallLines(report), '', textTable(HEADER, report.states.map(row))].join('\n');
}

/** `ma-check sources --stats --format markdown`. */
export function dataReportMarkdown(report: DataReport): string {
  return [
    `## ${markdownCell(title(report))}`,
    '',
    ...overallLines(report).map((l) => `- ${markdownCell(l.replace(/\s{2,}/, ': '))}`),
    '',
    markdownTable(HEADER, report.states.map(row)),
  ].join('\n');
}

/** CSV columns: counts only, since a spreadsheet reads "3/5" as a date. */
const CSV_HEADER = [
  'code',
  'coverage',
  'official',
  'copy',
  'commentary',
  'law_rules',
  'law_rules_official_source',
  'law_rules_official_law_text',
  'state_determined',
  'state_governed',
  'delegation',
  'last_read',
];
const csvRow = (s: SourceStats): (string | number)[] => [
  s.code,
  s.coverage,
  s.citations.official,
  s.citations.copy,
  s.citations.commentary,
  s.lawRules,
  s.lawRulesOfficial,
  s.lawRulesOfficialText,
  s.stateDetermined,
  s.stateGoverned,
  s.delegation,
  s.reviewDays.at(-1) ?? '',
];

/** `ma-check sources --stats --format csv`: one row per jurisdiction. */
export const dataReportCsv = (report: DataReport): string =>
  stringify([CSV_HEADER, ...report.states.map(csvRow)], { escape_formulas: true });

/** `ma-check sources --stats --format json`. */
export const dataReportJson = (report: DataReport): string =>
  `${JSON.stringify({ schemaVersion: 1, report }, null, 2)}\n`;
