import { describe, expect, test } from 'vitest';
import { type AuditOptions, audit } from '../../src/audit/audit.js';
import { AuditTally } from '../../src/audit/audit-tally.js';
import type { AuditDecision, AuditInvalid, AuditRecord } from '../../src/domain/audit.js';
import type { RosterItem } from '../../src/domain/roster.js';
import { minimal } from '../helpers/load.js';

const HEADER = ['staff_id', 'name', 'state', 'credentials', 'supervision', 'delegator', 'tasks'];
const columns = (names = HEADER): RosterItem => ({ kind: 'columns', line: 1, names });
const row = (line: number, cells: string[]): RosterItem => ({
  kind: 'row',
  line,
  column: 1,
  pointer: `/${line - 2}`,
  cells,
});
const record = (line: number, fields: Record<string, unknown>): RosterItem => ({
  kind: 'record',
  line,
  column: 3,
  pointer: `/${line}`,
  fields,
});

async function run(items: RosterItem[], options: Partial<AuditOptions> = {}): Promise<AuditRecord[]> {
  const out: AuditRecord[] = [];
  for await (const r of audit(items, minimal(), { asOf: '2026-11-25', rosterFile: 'roster.csv', ...options }))
    out.push(r);
  return out;
}
const decisions = (rs: AuditRecord[]) =>
  rs
    .filter((r): r is AuditDecision => r.type === 'decision')
    .map((r) => [r.line, r.staffId, r.decision.task.id, r.decision.verdict]);
const invalid = (rs: AuditRecord[]) =>
  rs
    .filter((r): r is AuditInvalid => r.type === 'invalid')
    .map((r) => [r.diagnostic.line, r.diagnostic.code, r.staffId]);

describe('audit (pure, over the minimal rule set)', () => {
  test('one decision per (staff member, task), in file order, with the line of the row', async () => {
    const out = await run([
      columns(),
      row(2, ['A-1', 'Ann Lee', 'AK', 'CMA', 'direct', 'physician', 'filing; im-injection']),
      row(3, ['A-2', '', 'AK', 'CMA', 'general', 'physician', 'im-shot']),
    ]);
    expect(decisions(out)).toEqual([
      [2, 'A-1', 'filing', 'allowed'],
      [2, 'A-1', 'im-injection', 'conditional'],
      [3, 'A-2', 'im-injection', 'prohibited'],
    ]);
    const first = out[0] as AuditDecision;
    expect(first.name).toBe('Ann Lee');
    expect((out[2] as AuditDecision).name).toBeNull();
    expect(Object.isFrozen(first.decision)).toBe(true);
  });

  test('an invalid row is reported with its line, reason and suggestion; every other row is still audited', async () => {
    const out = await run([
      columns(),
      row(2, ['A-1', 'Ann', 'ZZ', 'CMA', '', '', 'filing;im-injection']),
      row(3, ['A-2', 'Bo', 'AK', 'CMAX', '', '', 'filing']),
      row(4, ['A-3', 'Cy', 'AK', 'CMA', 'direct', 'physician', 'filing;flying']),
      row(5, ['', 'No Id', 'AK', 'CMA', '', '', 'filing']),
      row(6, ['A-5', 'Di', 'AK', 'CMA', '', '', '']),
      row(7, ['A-6', 'Ed', 'AK', 'CMA', '', '', 'none']),
      row(8, ['A-7', 'Fay', 'AK', 'CMA', '', '', 'filing']),
    ]);
    expect(invalid(out)).toEqual([
      [2, 'unknown-state', 'A-1'],
      [3, 'unknown-credential', 'A-2'],
      [4, 'unknown-task', 'A-3'],
      [5, 'missing-field', null],
      [6, 'missing-field', 'A-5'],
    ]);
    expect(decisions(out)).toEqual([
      [4, 'A-3', 'filing', 'allowed'],
      [8, 'A-7', 'filing', 'allowed'],
    ]);
    const messages = out.filter((r): r is AuditInvalid => r.type === 'invalid').map((r) => r.diagnostic);
    expect(messages[0]).toMatchObject({
      file: 'roster.csv',
      line: 2,
      column: 1,
      severity: 'error',
      pointer: '/0/state',
    });
    expect(messages[1]!.message).toMatch(/unknown credential 'CMAX'; did you mean 'CMA/);
    expect(messages[2]).toMatchObject({
      pointer: '/2/tasks',
      message: "unknown task 'flying'; did you mean 'filing'?",
    });
  });

  test('an unknown state is reported once per row, not once per task', async () => {
    const out = await run([columns(), row(2, ['A-1', 'Ann', 'ZZ', 'CMA', '', '', 'filing;im-injection;triage'])]);
    expect(invalid(out)).toEqual([[2, 'unknown-state', 'A-1']]);
  });

  test('a header without a needed column is reported once and the file read no further', async () => {
    const out = await run([columns(['staff_id', 'name', 'credentails']), row(2, ['A-1', 'Ann', 'CMA'])]);
    expect(invalid(out)).toEqual([
      [1, 'unknown-column', null],
      [1, 'missing-column', null],
    ]);
    expect(decisions(out)).toEqual([]);
  });

  test('control characters in an id cell are refused plainly (and one-line messages stay one line)', async () => {
    const out = await run([columns(), row(2, ['A-1', 'Ann\nLee', 'A\nK', 'CMA', '', '', 'filing'])]);
    const [bad] = out as AuditInvalid[];
    expect(bad!.diagnostic).toMatchObject({ code: 'invalid-value', pointer: '/0/state' });
    expect(bad!.diagnostic.message).not.toMatch(/\n/);
  });

  test('rows that repeat another row share its decisions; who and where stay their own', async () => {
    const cells = (id: string, name: string) => [id, name, 'AK', 'CMA', 'direct', 'physician', 'filing;im-injection'];
    const out = (await run([
      columns(),
      row(2, cells('A-1', 'Ann')),
      row(3, cells('A-2', ' Bo ')),
      row(4, cells('', 'No Id')),
    ])) as AuditDecision[];
    expect(out.slice(0, 4).map((r) => [r.line, r.staffId, r.name])).toEqual([
      [2, 'A-1', 'Ann'],
      [2, 'A-1', 'Ann'],
      [3, 'A-2', 'Bo'],
      [3, 'A-2', 'Bo'],
    ]);
    expect(out[2]!.decision).toBe(out[0]!.decision);
    expect(invalid(out)).toEqual([[4, 'missing-field', null]]);
  });

  test('JSON records: any key spelling, arrays or ;-lists, [] for none, numbers as staff ids', async () => {
    const out = await run([
      record(2, { StaffId: 42, Name: 'Ann', State: ['AK'], credentials: [], tasks: 'filing;im-injection' }),
      record(9, { staff_id: 'B', state: 'AK', tasks: ['filing'], supervison: 'direct' }),
      record(12, { staff_id: 'C', state: 'AK', tasks: { not: 'a list' } }),
    ]);
    expect(decisions(out)).toEqual([
      [2, '42', 'filing', 'allowed'],
      [2, '42', 'im-injection', 'conditional'],
      [9, 'B', 'filing', 'allowed'],
    ]);
    expect(invalid(out)).toEqual([
      [9, 'unknown-column', null],
      [12, 'wrong-type', 'C'],
    ]);
  });

  test('--assignments: tasks from the second file, line there and rosterLine in the roster', async () => {
    const roster: RosterItem[] = [
      columns(['staff_id', 'name', 'state', 'credentials', 'supervision', 'delegator']),
      row(2, ['A-1', 'Ann', 'AK', 'CMA', 'direct', 'physician']),
      row(3, ['A-2', 'Bo', 'ZZ', 'CMA', '', '']),
      row(4, ['A-1', 'Ann Again', 'AK', 'RMA', '', '']),
    ];
    const assignments: RosterItem[] = [
      columns(['staff_id', 'task']),
      row(2, ['A-1', 'filing']),
      row(3, ['A-1', 'im-injection']),
      row(4, ['A-2', 'filing']),
      row(5, ['A-3', 'filing']),
      row(6, ['A-11', 'filing']),
    ];
    const out = await run(roster, { assignments: { items: [assignments], file: 'assignments.csv' } });
    const d = out.filter((r): r is AuditDecision => r.type === 'decision');
    expect(d.map((r) => [r.line, r.rosterLine, r.staffId, r.decision.task.id])).toEqual([
      [2, 2, 'A-1', 'filing'],
      [3, 2, 'A-1', 'im-injection'],
    ]);
    expect(
      out
        .filter((r): r is AuditInvalid => r.type === 'invalid')
        .map((r) => [r.diagnostic.file, r.diagnostic.line, r.diagnostic.code]),
    ).toEqual([
      ['roster.csv', 3, 'unknown-state'],
      ['roster.csv', 4, 'duplicate-staff'],
      ['assignments.csv', 4, 'invalid-staff-row'],
      ['assignments.csv', 5, 'unknown-staff'],
      ['assignments.csv', 6, 'unknown-staff'],
    ]);
    const unknown = out.filter((r): r is AuditInvalid => r.type === 'invalid').at(-1)!;
    expect(unknown.diagnostic.message).toMatch(/did you mean 'A-1'\?/);
  });

  test('the tally counts every decision by verdict, state and task, and invalid rows once each', async () => {
    const out = await run([
      columns(),
      row(2, ['A-1', 'Ann', 'AK;CT', 'CMA', 'direct', 'physician', 'filing;im-injection']),
      row(3, ['A-2', 'Bo', '', 'CMA', '', '', 'filing']),
      row(4, ['A-3', 'Cy', 'ZZ', 'CMAX', '', '', 'filing']),
    ]);
    const tally = new AuditTally();
    for (const r of out) tally.add(r);
    const summary = tally.result(3);
    expect(summary).toMatchObject({ rows: 3, decisions: 3, invalid: 2, invalidRows: 1 });
    expect(Object.keys(summary.byState)).toEqual(['AK', 'CT', 'not-given']);
    expect(summary.byTask.filing!.allowed + summary.byTask.filing!.conditional).toBe(2);
    expect(Object.values(summary.byVerdict).reduce((a, b) => a + b, 0)).toBe(3);
  });
});
