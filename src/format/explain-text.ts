import type { ConditionTree } from '../domain/decision.js';
import { describeCondition } from '../domain/describe.js';
import type { ExplainedState } from '../domain/explanation.js';
import type { Paint } from './paint.js';
import { statusMark } from './verdict-style.js';

const LAYER_TITLE = { national: 'National', state: 'State', overlay: 'Organization policy' } as const;

function tree(node: ConditionTree, indent: string, paint: Paint, out: string[]): void {
  if (node.kind === 'anyOf' || node.kind === 'allOf') {
    out.push(`${indent}${statusMark(node.status, paint)} ${node.kind === 'anyOf' ? 'any of' : 'all of'}:`);
    for (const child of node.of) tree(child, `${indent}    `, paint, out);
  } else {
    out.push(`${indent}${statusMark(node.status, paint)} ${describeCondition(node)}`);
  }
}

/** The trace for `--explain`: each jurisdiction, each layer, each rule and each requirement's status. */
export function explainText(states: readonly ExplainedState[], paint: Paint): string {
  const out: string[] = [paint.bold('How this was decided')];
  for (const s of states) {
    out.push('', paint.bold(`${s.state ?? 'No state given'}: ${s.verdict}`));
    let layer = '';
    for (const r of s.rules) {
      if (r.layer !== layer) {
        layer = r.layer;
        out.push(`  ${paint.bold(LAYER_TITLE[r.layer])}`);
      }
      const status = !r.inForce
        ? 'not in force'
        : r.supersededBy
          ? `superseded by ${r.supersededBy.join(', ')}`
          : `→ ${r.outcome}`;
      out.push(`    ${paint.cyan(r.id)} ${paint.dim(`[${r.basis}]`)} ${status}`);
      out.push(`      ${paint.dim(r.summary)}`);
      if (r.verdict) {
        out.push(`      states ${r.verdict}${r.unless.length ? ' unless:' : ''}`);
        for (const u of r.unless) tree(u, '        ', paint, out);
      }
      if (r.requires.length) out.push('      requires:');
      for (const q of r.requires) tree(q, '        ', paint, out);
    }
  }
  return `${out.join('\n')}\n`;
}
