import { DIAGNOSTIC_CODES, type RuleDiagnosticCode } from '../../domain/diagnostic-codes.js';
import type { CheckReport } from './report.js';

/**
 * `--format sarif`: SARIF 2.1.0 for code-scanning tools. Every code becomes a reporting
 * descriptor with help text; file URIs are relative to %SRCROOT%, the folder the run started in.
 */
export function reportSarif(report: CheckReport, srcRoot: string): string {
  const codes = Object.keys(DIAGNOSTIC_CODES) as RuleDiagnosticCode[];
  const index = new Map<string, number>(codes.map((code, i) => [code, i]));
  const rules = codes.map((code) => ({
    id: code,
    name: code.replace(/(^|-)([a-z])/g, (_match: string, _dash: string, c: string) => c.toUpperCase()),
    shortDescription: { text: DIAGNOSTIC_CODES[code].summary },
    fullDescription: { text: `${DIAGNOSTIC_CODES[code].summary} ${DIAGNOSTIC_CODES[code].fix}` },
    help: { text: DIAGNOSTIC_CODES[code].fix },
    defaultConfiguration: { level: DIAGNOSTIC_CODES[code].severity === 'error' ? 'error' : 'warning' },
  }));
  const results = report.diagnostics.map((d) => ({
    ruleId: d.code,
    ...(index.has(d.code) ? { ruleIndex: index.get(d.code) } : {}),
    level: d.severity === 'error' ? 'error' : 'warning',
    message: { text: d.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
          region: {
            startLine: d.line,
            startColumn: d.column,
            endLine: d.endLine,
            endColumn: Math.max(d.endColumn, d.endLine === d.line ? d.column + 1 : 1),
          },
        },
      },
    ],
  }));
  const root = srcRoot.endsWith('/') ? srcRoot : `${srcRoot}/`;
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'ma-check', semanticVersion: report.version, version: report.version, rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${encodeURI(root)}` } },
        results,
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
