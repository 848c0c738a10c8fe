import type { Decision } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import { citationLine } from './decision-text.js';
import { markdownCell } from './escape.js';

/** The decision as a Markdown report section, for tickets, wikis and audit files. */
export function decisionMarkdown(decision: Decision): string {
  const out: string[] = [];
  const states = decision.byState.map((s) => s.state).join(', ');
  out.push(`## ${decision.task.name} (\`${decision.task.id}\`)${states ? ` — ${states}` : ''}`, '');
  out.push(`**Verdict: ${decision.verdict}** (confidence ${decision.confidence}). ${decision.summary}`, '');
  if (decision.conditions.length > 0) {
    out.push('| status | condition | basis | state | decisive | rules |', '|---|---|---|---|---|---|');
    for (const c of decision.conditions) {
      out.push(
        `| ${c.status} | ${markdownCell(describeCondition(c))} | ${c.basis} | ${c.state ?? ''} | ${c.decisive ? 'yes' : 'no'} | ${markdownCell(c.rules.join(', '))} |`,
      );
    }
    out.push('');
  }
  out.push(`Determined by: ${decision.determinedBy.map((id) => `\`${id}\``).join(', ')}`, '');
  if (decision.citations.length > 0) {
    out.push('### Sources', '');
    for (const c of decision.citations) out.push(`- \`${c.id}\`: ${markdownCell(citationLine(c))}`);
    out.push('');
  }
  out.push(`_As of ${decision.query.asOf}; rules ${decision.rulesDigest}. A reference aid, not legal advice._`, '');
  return out.join('\n');
}
