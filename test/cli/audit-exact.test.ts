import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { Progress } from '../../src/cli/audit/progress.js';
import { main } from '../../src/cli/main.js';
import { memoryIo } from '../helpers/memory-io.js';
import { MINIMAL } from '../helpers/paths.js';

// An install whose shipped rules are the minimal fixture set: outputs that do not move when the real rules do.
const packageRoot = mkdtempSync(join(tmpdir(), 'ma-check-install-'));
symlinkSync(MINIMAL, join(packageRoot, 'rules'));
afterAll(() => rmSync(packageRoot, { recursive: true, force: true }));

async function run(args: string[], tty = false): Promise<{ code: number; stdout: string; stderr: string }> {
  // No stdout stream: the report comes through `out`, the path an embedding program takes.
  const io = memoryIo({ stdoutIsTTY: tty, stdoutStream: false });
  const code = await main(['audit', ...args], io, { packageRoot, version: '0.0.0-test' });
  const { stdout, stderr } = io;
  // The rules digest changes whenever the fixture rules do; everything else here is exact.
  return {
    code,
    stdout: stdout.replace(/sha256:[0-9a-f]{64}/g, 'sha256:RULES').replace(/sha256:[0-9a-f]{12}…/g, 'sha256:RULES…'),
    stderr,
  };
}

// The minimal rule set has no New York file, so this roster keeps its prohibited row in Alaska.
const CLEAN = 'test/fixtures/rosters/clean-minimal.csv';

describe('audit output, exactly (minimal rule set, in process)', () => {
  test('text: summary by verdict, state and task, then the findings', async () => {
    expect(await run([CLEAN])).toEqual({
      code: 1,
      stderr: '',
      stdout: `ma-check audit · test/fixtures/rosters/clean-minimal.csv · as of 2026-11-25
3 rows read · 4 decisions · 0 invalid records

By verdict
  PROHIBITED   1
  DISCOURAGED  0
  CONDITIONAL  1
  ALLOWED      2

By state
  state  decisions  prohibited  discouraged  conditional  allowed
  AK     3          1           0            1            1
  CT     1          0           0            0            1

By task
  task          decisions  prohibited  discouraged  conditional  allowed
  filing        2          0           0            0            2
  im-injection  2          1           0            1            0

Findings: 2 decisions that are not allowed

PROHIBITED  im-injection · AK · A-3 Cy Diaz (line 4)
  ✗ supervision at least direct  (law; AK/injections-direct)
  + 1 more condition to meet once these are settled
  determined by AK/injections-direct

CONDITIONAL  im-injection · AK · A-1 Ann Lee (line 2)
  ? condition written-order  (guidance; im-injection/baseline)
  determined by im-injection/baseline

rules sha256:RULES… · ma-check 0.0.0-test · a reference aid, not legal advice
`,
    });
  });

  test('csv: the contract columns, one row per decision', async () => {
    const { code, stdout } = await run([CLEAN, '--format', 'csv']);
    expect(code).toBe(1);
    expect(stdout).toBe(`line,staff_id,name,states,task,verdict,determined_by,conditions,rules_digest
2,A-1,Ann Lee,AK,filing,allowed,filing/baseline,,sha256:RULES
2,A-1,Ann Lee,AK,im-injection,conditional,im-injection/baseline,verify: condition written-order,sha256:RULES
3,A-2,Bo Ng,CT,filing,allowed,filing/baseline,,sha256:RULES
4,A-3,Cy Diaz,AK,im-injection,prohibited,AK/injections-direct,unmet: supervision at least direct,sha256:RULES
`);
  });

  test('markdown: findings with what decides them and their sources', async () => {
    const { stdout } = await run([CLEAN, '--format', 'markdown', '--only', 'prohibited']);
    expect(stdout).toContain(`## Findings: 1 decision: prohibited

| verdict | line | staff | state | task | what decides it | determined by | sources |
|---|--:|---|---|---|---|---|---|
| **prohibited** | 4 | A-3 Cy Diaz | AK | \`im-injection\` | unmet: supervision at least direct | \`AK/injections-direct\` | \`src-a\`, \`ak-definitions\` |

## Sources

- \`src-a\`: official · Publisher A, Source A, 1.1, 2020 https://example.org/a
- \`ak-definitions\`: official · Publisher A, Alaska definitions (a state's own source) https://example.org/ak-definitions
`);
  });

  test('text on a terminal: findings as a table', async () => {
    const { stdout } = await run([CLEAN, '--only', 'prohibited,conditional'], true);
    const plain = stdout.replace(/\x1b\[[0-9;]*m/g, '');
    expect(plain).toContain(`Findings: 2 decisions: prohibited, conditional
verdict      line  staff        state  task          to resolve
PROHIBITED   4     A-3 Cy Diaz  AK     im-injection  unmet: supervision at least direct
CONDITIONAL  2     A-1 Ann Lee  AK     im-injection  verify: condition written-order
`);
  });
});

describe('progress line', () => {
  const clock = (times: number[]) => () => times.shift() ?? 99_999;

  test('only on a terminal, only after a second, erased at the end', () => {
    let written = '';
    const progress = new Progress(
      (t) => {
        written += t;
      },
      true,
      clock([0, 500, 1200, 1300, 1600]),
    );
    progress.tick(10);
    expect(written).toBe('');
    progress.tick(1_200);
    expect(written).toBe('\r\x1b[K1,200 rows audited (1,000 rows/s)…');
    progress.tick(1_300);
    expect(written).not.toContain('1,300');
    progress.done();
    expect(written.endsWith('\r\x1b[K')).toBe(true);
  });

  test('nothing when stderr is not a terminal', () => {
    let written = '';
    const progress = new Progress(
      (t) => {
        written += t;
      },
      false,
      clock([0, 5_000]),
    );
    progress.tick(1_000_000);
    progress.done();
    expect(written).toBe('');
  });
});
