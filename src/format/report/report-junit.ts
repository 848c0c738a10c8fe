import type { Diagnostic } from '../../domain/diagnostic.js';
import type { CheckReport } from './report.js';

const xml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
// XML 1.0 cannot carry most control characters, even escaped.
const clean = (s: string) => xml(s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '?'));
const line = (d: Diagnostic) => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.message} (${d.code})`;

/**
 * `--format junit`: one test case per file checked (it fails on any error) and, for `test`, one
 * per rule case. Warnings go to system-out, so CI shows them without failing.
 */
export function reportJunit(report: CheckReport): string {
  const cases: string[] = [];
  let failures = 0;
  for (const file of report.files) {
    const mine = report.diagnostics.filter((d) => d.file === file);
    const errors = mine.filter((d) => d.severity === 'error');
    const warnings = mine.filter((d) => d.severity === 'warning');
    const failure = errors.length
      ? `<failure message="${clean(`${errors.length} error(s)`)}" type="${clean(errors[0]!.code)}">${clean(errors.map(line).join('\n'))}</failure>`
      : '';
    const out = warnings.length ? `<system-out>${clean(warnings.map(line).join('\n'))}</system-out>` : '';
    if (errors.length) failures++;
    cases.push(
      `    <testcase classname="ma-check.${report.command}" name="${clean(file)}">${failure}${out}</testcase>`,
    );
  }
  for (const c of report.cases ?? []) {
    const text = c.failures.map((f) => `${f.field}: expected ${f.expected}, actual ${f.actual}`).join('\n');
    if (!c.passed) failures++;
    cases.push(
      `    <testcase classname="ma-check.cases" name="${clean(c.id)}" file="${clean(c.file)}" line="${c.line}">${c.passed ? '' : `<failure message="${clean(`case ${c.id} failed`)}" type="case-failed">${clean(text)}</failure>`}</testcase>`,
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="ma-check ${report.command}" tests="${cases.length}" failures="${failures}">`,
    `  <testsuite name="ma-check ${report.command}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}
