import type { StateProfile } from '../domain/state-profile.js';
import { citationLine } from './decision-text.js';
import { markdownCell } from './escape.js';
import { markdownCitation } from './markdown-citation.js';
import type { Paint } from './paint.js';

const ruleLine = (r: StateProfile['rules'][number]): string[] => {
  const dated = [r.effective && `from ${r.effective}`, r.until && `until ${r.until}`].filter(Boolean).join(', ');
  return [
    `${r.id} [${r.basis}, ${r.confidence}]${dated ? ` (${dated})` : ''}: ${r.summary}`,
    `tasks: ${r.tasks.join(', ')}`,
    ...(r.verdict ? [`${r.verdict}${r.unless.length ? ` unless ${r.unless.join('; ')}` : ''}`] : []),
    ...(r.requires.length ? [`requires: ${r.requires.join('; ')}`] : []),
    `cites: ${r.cites.join(', ')}`,
  ];
};

/** The delegation provision, or the finding that there is none, in a line or two. */
function delegationLines(p: StateProfile): string[] {
  const d = p.delegation;
  if (!d) return ['not researched into the rules: clinical tasks without a state rule say so'];
  if (!d.found) return [`no general provision found [${d.confidence}] (${d.cites.join(', ')})`, d.summary];
  // Without `exclusive`, the list is for reading: the provision's requirements say who may delegate.
  const who = d.delegators.length
    ? `${d.delegators.join(', ')}${d.exclusive ? '' : ' (not a closed list; the requirements decide)'}`
    : 'delegators not named';
  return [`${who} [${d.confidence}] (${d.cites.join(', ')})`, d.summary];
}

/** "3 official, 2 copies, 1 commentary". */
const sourceCounts = (p: StateProfile): string => {
  const n = (q: string) => p.citations.filter((c) => c.source === q).length;
  return `${n('official')} official, ${n('copy')} ${n('copy') === 1 ? 'copy' : 'copies'}, ${n('commentary')} commentary`;
};

/** `ma-check state XX` for a person at a terminal. */
export function stateProfileText(p: StateProfile, paint: Paint): string {
  const out = [
    `${paint.bold(`${p.name} (${p.code})`)}  coverage ${p.coverage}${p.reviewed ? `, reviewed ${p.reviewed}` : ''}`,
    '',
  ];
  out.push(
    ...delegationLines(p).map((line, i) =>
      i === 0 ? `${paint.bold('Delegation')}   ${line}` : `             ${line}`,
    ),
  );
  for (const d of p.definitions)
    out.push(
      `${paint.bold('Defines')}      "${d.term}" = ${d.level} supervision: ${d.meaning} (${d.cites.join(', ')})`,
    );
  out.push(
    `${paint.bold('Credentials')}  ${p.credentials.map((c) => `${c.id} (${c.scope})`).join(', ') || 'none named'}`,
  );
  out.push('', paint.bold(`Rules (${p.rules.length})`));
  if (p.rules.length === 0)
    out.push('  none: decisions for clinical tasks here rest on the national baseline and say so');
  for (const r of p.rules) {
    const [head, ...rest] = ruleLine(r);
    out.push(`  ${paint.cyan(head!)}`, ...rest.map((l) => `      ${l}`));
  }
  if (p.conflicts.length) {
    out.push('', paint.bold('Conflicts between sources'));
    for (const c of p.conflicts)
      out.push(`  ${c.summary}`, `      resolution: ${c.resolution} (${c.cites.join(', ')})`);
  }
  if (p.notes.length) {
    out.push('', paint.bold('Notes (not binding)'));
    for (const n of p.notes)
      out.push(`  [${n.confidence}] ${n.text}${n.cites.length ? ` (${n.cites.join(', ')})` : ''}`);
  }
  if (p.citations.length) {
    out.push('', `${paint.bold('Sources')}  ${paint.dim(sourceCounts(p))}`);
    for (const c of p.citations) out.push(`  ${paint.cyan(`[${c.id}]`)} ${citationLine(c)}`);
  }
  return `${out.join('\n')}\n`;
}

/** `ma-check state XX --format markdown`; text from rule files is escaped. */
export function stateProfileMarkdown(p: StateProfile): string {
  const out = [
    `## ${p.name} (${p.code})`,
    '',
    `Coverage: **${p.coverage}**${p.reviewed ? `, reviewed ${p.reviewed}` : ''}. Delegation: ${markdownCell(delegationLines(p).join(' — '))}.`,
    '',
  ];
  for (const d of p.definitions)
    out.push(
      `- Defines "${markdownCell(d.term)}" as ${d.level} supervision: ${markdownCell(d.meaning)} (${markdownCell(d.cites.join(', '))})`,
    );
  if (p.definitions.length) out.push('');
  if (p.rules.length) {
    out.push('| rule | basis | tasks | verdict / requirements | cites |', '|---|---|---|---|---|');
    for (const r of p.rules) {
      const what = [
        r.verdict ? `${r.verdict}${r.unless.length ? ` unless ${r.unless.join('; ')}` : ''}` : '',
        r.requires.join('; '),
      ]
        .filter(Boolean)
        .join('; requires ');
      out.push(
        `| \`${r.id}\` | ${r.basis} | ${markdownCell(r.tasks.join(', '))} | ${markdownCell(what || 'no requirement')} | ${markdownCell(r.cites.join(', '))} |`,
      );
    }
    out.push('');
  }
  for (const c of p.conflicts)
    out.push(`- Conflict: ${markdownCell(c.summary)} Resolution: ${markdownCell(c.resolution)}`);
  for (const n of p.notes) out.push(`- Note (${n.confidence}): ${markdownCell(n.text)}`);
  if (p.citations.length)
    out.push(
      '',
      '### Sources',
      '',
      `${sourceCounts(p)}.`,
      '',
      ...p.citations.map((c) => `- \`${c.id}\`: ${markdownCitation(c)}`),
    );
  return `${out.join('\n')}\n`;
}
