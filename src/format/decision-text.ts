import type { Decision, DecisionCondition } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import { STATES } from '../domain/jurisdictions.js';
import type { Citation } from '../domain/schema/definitions.js';
import type { Paint } from './paint.js';
import { statusMark, verdictLabel } from './verdict-style.js';

/**
 * A citation on one line: what kind of source it is (official text, a copy of it, commentary),
 * then publisher, title, section, year, address.
 */
export function citationLine(c: Citation): string {
  const parts = [c.publisher, c.title, c.section, c.year?.toString()].filter(Boolean).join(', ');
  return `${c.source} · ${parts}${c.url ? ` ${c.url}` : c.locator ? ` (${c.locator})` : ''}`;
}

function conditionLine(c: DecisionCondition, paint: Paint): string {
  const where = c.state ? `${c.state} ` : '';
  const text = `${statusMark(c.status, paint)} ${describeCondition(c)}`;
  const from = paint.dim(`(${where}${c.basis}; ${c.rules.join(', ')})`);
  return c.decisive ? `  ${text}  ${from}` : `  ${paint.dim(`${text}, not decisive`)}  ${from}`;
}

/** The decision for a person at a terminal: verdict first, then what to verify, then sources. */
export function decisionText(decision: Decision, paint: Paint): string {
  const lines: string[] = [];
  const states = decision.byState
    .map((s) => (STATES[s.state] ? `${STATES[s.state]} (${s.state})` : 'national baseline'))
    .join(', ');
  lines.push(`${paint.bold(decision.task.name)} ${paint.dim(`(${decision.task.id})`)}${states ? ` · ${states}` : ''}`);
  lines.push('');
  lines.push(`${verdictLabel(decision.verdict, paint)}  ${decision.summary}`);
  if (decision.conditions.length > 0) {
    lines.push('', paint.bold('Conditions') + paint.dim('  (? to verify, ✗ not met)'));
    // What can change the verdict first; the rest still has to hold once it does.
    const ordered = [
      ...decision.conditions.filter((c) => c.decisive),
      ...decision.conditions.filter((c) => !c.decisive),
    ];
    for (const c of ordered) lines.push(conditionLine(c, paint));
  }
  lines.push('');
  lines.push(`${paint.bold('Determined by')}  ${decision.determinedBy.join(', ')}`);
  if (decision.byState.length > 1) {
    for (const s of decision.byState)
      lines.push(`${paint.bold(`  ${s.state}`)}  ${s.verdict} (${s.determinedBy.join(', ')})`);
  }
  lines.push(`${paint.bold('Confidence')}     ${decision.confidence}`);
  for (const c of decision.coverage) {
    const addressed = c.addressed ? 'has rules for this task' : 'no rule for this task';
    lines.push(
      `${paint.bold('Coverage')}       ${c.jurisdiction}: ${c.level}${c.reviewed ? `, reviewed ${c.reviewed}` : ''}; ${addressed}`,
    );
  }
  if (decision.citations.length > 0) {
    lines.push('', paint.bold('Sources'));
    for (const c of decision.citations) lines.push(`  ${paint.cyan(`[${c.id}]`)} ${citationLine(c)}`);
  }
  lines.push(
    '',
    paint.dim(
      `As of ${decision.query.asOf} · rules ${decision.rulesDigest.slice(0, 19)}… · a reference aid, not legal advice`,
    ),
  );
  return `${lines.join('\n')}\n`;
}
