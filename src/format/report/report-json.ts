import { type CheckReport, countBySeverity } from './report.js';

/** `--format json`: versioned, every field of every diagnostic (README, "Diagnostics"). */
export function reportJson(report: CheckReport): string {
  const { errors, warnings } = countBySeverity(report.diagnostics);
  const cases = report.cases && {
    cases: report.cases,
    coverage: report.coverage,
  };
  const passed = report.cases?.filter((c) => c.passed).length;
  return `${JSON.stringify(
    {
      schemaVersion: 1,
      diagnostics: report.diagnostics,
      ...cases,
      summary: {
        files: report.files.length,
        errors,
        warnings,
        ...(report.cases ? { cases: report.cases.length, passed, failed: report.cases.length - passed! } : {}),
      },
    },
    null,
    2,
  )}\n`;
}
