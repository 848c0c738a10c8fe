import type { Decision } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import { markdownCell } from './escape.js';
import { markdownCitation } from './markdown-citation.js';

/** The decision as a Markdown report section, for tickets, wikis and audit files; text from rule files is escaped. */
export function decisionMarkdown(decision: Decision): string {
  const out: string[] = [];
  const states = decision.byState.map((s) => s.state).join(', ');
  out.push(`## ${markdownCell(decision.task.name)} (\`${decision.task.id}\`)${states ? ` — ${states}` : ''}`, '');
  out.push(
    `**Verdict: ${decision.verdict}** (confidence ${decision.confidence}). ${markdownCell(decision.summary)}`,
    '',
  );
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
    for (const c of decision.citations) out.push(`- \`${c.id}\`: ${markdownCitation(c)}`);
    out.push('');
  }
  out.push(`_As of ${decision.query.asOf}; rules ${decision.rulesDigest}. A reference aid, not legal advice._`, '');
  return out.join('\n');
}
